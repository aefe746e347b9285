#!/usr/bin/env python3
"""Fills the default tenant's database with the volumes of the impact-dashboard benchmark, straight into the tables the
site created (the site stopped meanwhile), and helps measure the dashboard. Standard library only; PostgreSQL through
psql's COPY.
  fill <sqlite|postgres> <db> [--learners N] [--structures N] [--answers N]
                                  100,000 learners (Learner role, a directory of 300 structures, countries,
                                  professions, six languages, registered over two years), enrolments for most, their
                                  activities, ~150,000 submitted attempts at the validation banks with 1,000,000 answers,
                                  certificates, feedback and reads; also lets the first administrator's one-time
                                  password be used as a plain one (the benchmark signs in with it); every learner
                                  signs in with the password "a bench passphrase" (one real Identity hash shared)
  pick <sqlite|postgres> <db> <n> [skip]   n learners' e-mails (after skipping some) who are enrolled and have never
                                  started a test: the learner benchmarks sign them in
  change <sqlite|postgres> <db> <n>   n learners change now (profile saved, an activity tried), and the facts are
                                  marked stale so that the dashboard's next opening refreshes them
  signin <site> <password>        signs the administrator in; prints the Cookie header
  slowest <postgres log> <line>   the statements PostgreSQL logged as slow after that line of its log, slowest first
  time <site> <cookie> <path> <n> n sequential GETs; prints "median p95 bytes errors", times in ms
<db> is the SQLite file, or psql's connection string. Same seed, same data."""
import base64, hashlib, http.cookiejar, json, random, re, statistics, subprocess, sys, time, urllib.parse, urllib.request, uuid
from datetime import datetime, timedelta, timezone

LEARNERS, STRUCTURES, ENROLLED_SHARE, ANSWERS = 100_000, 300, 0.8, 1_000_000
CULTURES = [("fr", 40), ("en", 20), ("es", 10), ("ca", 10), ("it", 10), ("hu", 10)]
COUNTRIES = ["BE", "FR", "ES", "IT", "HU"]
OTHER_COUNTRIES = ["DE", "PT", "NL", "LU", "CH"]
TYPES = ["employment-service", "youth-mission", "insertion-enterprise", "association", "social-services",
         "training", "local-authority", "company", "school-university", "other"]
PROFESSIONS = [f"Profession {n:02d}" for n in range(40)]
SETS = ["1210-ceo-events", "allo-digiparcours", "cite-des-metiers-outreach-bus", "digimobile", "diginome-digital-mentoring",
        "duo-dynamique", "forem-personalised-pedagogy-workshop", "networking-360", "partners-day-personas",
        "pls-100-percent-youth-mentoring", "printemps-de-l-emploi", "rebondir", "recapass-open-badges",
        "spoc-skills-validation", "team-4-noh", "thema-lunch"]
# The course as content/ has it: activities by part, and each part's bank with its questions.
PARTS = [("part-1", 21, 11), ("part-2", 22, 11), ("part-3", 22, 10), ("part-4", 22, 10)]
SELF = ("self-assessment", 5)
# How far enrolled learners got: the number of parts whose activities they all did (then the self-assessment).
STAGES = [(0, 38), (1, 25), (2, 15), (3, 10), (4, 12)]
PASSWORD = "a bench passphrase"
LEARNER_ROLE_SQL = "SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Learner'"


def identity_hash(password, salt):
    """ASP.NET Core Identity's version 3 password hash (PBKDF2, HMAC-SHA512, 100,000 iterations, 16-byte salt, 32-byte
    key: PasswordHasher's default), as the site writes and checks it."""
    key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, 32)
    return base64.b64encode(bytes([1]) + (2).to_bytes(4, "big") + (100_000).to_bytes(4, "big") + (16).to_bytes(4, "big") + salt + key).decode()


def pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


class Target:
    """Rows go to SQLite with executemany, or to PostgreSQL as COPY text streamed to psql."""

    def __init__(self, provider, db):
        self.provider, self.db = provider, db
        if provider == "sqlite":
            import sqlite3
            self.con = sqlite3.connect(db, timeout=60)
            self.con.execute("PRAGMA synchronous=OFF")

    def ts(self, moment):
        text = moment.strftime("%Y-%m-%d %H:%M:%S")
        return text if self.provider == "sqlite" else text + "+00"

    def query(self, sql):
        if self.provider == "sqlite":
            return [row[0] for row in self.con.execute(sql)]
        out = subprocess.run(["psql", self.db, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True).stdout
        return [line for line in out.splitlines() if line]

    def execute(self, sql):
        if self.provider == "sqlite":
            self.con.executescript(sql)
            self.con.commit()
        else:
            subprocess.run(["psql", self.db, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True)

    def open(self, table, columns):
        return Rows(self, table, columns)


class Rows:
    def __init__(self, target, table, columns):
        self.target, self.table, self.columns, self.rows, self.count = target, table, columns, [], 0
        if target.provider == "postgres":
            cols = ", ".join(f'"{c}"' for c in columns)
            self.psql = subprocess.Popen(["psql", target.db, "-q", "-v", "ON_ERROR_STOP=1", "-c", f'COPY "{table}" ({cols}) FROM STDIN'],
                                         stdin=subprocess.PIPE, text=True)

    def add(self, *row):
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= 50_000:
            self.flush()

    def flush(self):
        if not self.rows:
            return
        if self.target.provider == "sqlite":
            cols = ", ".join(f'"{c}"' for c in self.columns)
            marks = ", ".join("?" for _ in self.columns)
            self.target.con.executemany(f'INSERT INTO "{self.table}" ({cols}) VALUES ({marks})', self.rows)
        else:
            def text(v):
                return "\\N" if v is None else ("t" if v else "f") if isinstance(v, bool) else str(v)
            self.psql.stdin.write("".join("\t".join(text(v) for v in row) + "\n" for row in self.rows))
        self.rows = []

    def close(self):
        self.flush()
        if self.target.provider == "sqlite":
            self.target.con.commit()
        else:
            self.psql.stdin.close()
            if self.psql.wait() != 0:
                sys.exit(f"COPY into {self.table} failed")
        return self.count


def fill(provider, db):
    rng = random.Random(20261205)
    t = Target(provider, db)
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    # Everything happened at least a day ago: a refresh started now reads it all the first time, none of it again.
    end = now - timedelta(days=1)
    start = end - timedelta(days=730)
    role = t.query(LEARNER_ROLE_SQL)[0]
    b = lambda v: v if provider == "postgres" else int(v)  # noqa: E731
    password_hash = identity_hash(PASSWORD, bytes(range(16)))

    structures = t.open("Structures", ["Id", "Name", "NormalizedName", "Type", "Municipality", "Country", "Status", "CreatedUtc", "ProposedBy"])
    directory = []
    for n in range(1, STRUCTURES + 1):
        country = COUNTRIES[n % len(COUNTRIES)] if n % 10 else rng.choice(COUNTRIES)
        directory.append((n, country))
        name = f"Bench structure {n:03d}"
        structures.add(n, name, name.upper(), rng.choice(TYPES), f"Town {n % 60}", country, "Proposed" if n % 25 == 0 else "Listed", t.ts(start), None)
    structures.close()

    users = t.open("AspNetUsers", ["Id", "DisplayName", "Organisation", "Country", "Profession", "PreferredCulture", "PrivacyAcceptedUtc",
                                   "CreatedUtc", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                                   "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
                                   "LockoutEnabled", "AccessFailedCount", "StructureId", "ProfileChangedUtc"])
    roles = t.open("AspNetUserRoles", ["UserId", "RoleId"])
    enrolments = t.open("Enrolments", ["Id", "UserId", "EnrolledUtc", "LastPart", "LastActivity", "SuggestedParts"])
    progress = t.open("ActivityProgress", ["UserId", "ActivityId", "Part", "Tries", "LastTriedUtc", "CompletedUtc"])
    attempts = t.open("Attempts", ["Id", "UserId", "Bank", "Number", "Questions", "ChoiceOrders", "PassPercent", "StartedUtc",
                                   "SubmittedUtc", "Score", "Passed", "MaxScore"])
    certificates = t.open("Certificates", ["Id", "Code", "UserId", "RecipientName", "RecipientHash", "Salt", "Culture", "IssuedUtc",
                                           "RevokedUtc", "RevocationReason"])
    feedback = t.open("FeedbackItems", ["Id", "UserId", "Kind", "SetId", "Culture", "Rating", "Comment", "Useful", "Improve", "Recommend",
                                        "Status", "Reply", "RepliedBy", "RepliedUtc", "CreatedUtc", "UpdatedUtc", "StatusChangedUtc"])
    # Answers are written once the attempts are counted, so that they add up to exactly ANSWERS.
    submitted = []
    enrolment_id = attempt_id = certificate_id = feedback_id = 0
    for n in range(LEARNERS):
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        culture = pick(rng, CULTURES)
        registered = start + timedelta(seconds=rng.randrange(730 * 86400))
        structure = country = None
        if rng.random() < 0.7:
            structure, country = directory[rng.randrange(STRUCTURES)]
        elif rng.random() < 0.8:
            country = rng.choice(COUNTRIES + OTHER_COUNTRIES)
        profession = rng.choice(PROFESSIONS) if rng.random() < 0.8 else (f"Rare job {n}" if rng.random() < 0.1 else None)
        email = f"learner{n}@bench.example.org"
        users.add(uid, f"Learner {n}", None, country, profession, culture, t.ts(registered), t.ts(registered), email, email.upper(), email,
                  email.upper(), b(True), password_hash, uuid.uuid4().hex.upper(), str(uuid.uuid4()), None, b(False), b(False), None, b(True), 0,
                  structure, t.ts(registered))
        roles.add(uid, role)
        if rng.random() >= ENROLLED_SHARE:
            continue
        moment = min(registered + timedelta(minutes=rng.randrange(30 * 1440)), end)
        enrolment_id += 1
        enrolments.add(enrolment_id, uid, t.ts(moment), None, None, None)

        def step(most_hours=72):
            nonlocal moment
            moment = min(moment + timedelta(minutes=rng.randrange(5, most_hours * 60)), end)
            return moment

        stage = pick(rng, STAGES)
        passed_all = True
        for index, (part, activities, questions) in enumerate(PARTS):
            if index > stage:
                break
            number = part[-1]
            done = activities if index < stage else rng.randrange(activities)  # the part they stopped in: partly done
            for a in range(1, done + 1):
                tries = 1 if rng.random() < 0.7 else rng.randrange(2, 5)
                tried = step()
                progress.add(uid, f"p{number}-a{a:02d}", part, tries, t.ts(tried), t.ts(tried))
            if index < stage:
                if done < activities:
                    continue
                bank = f"mooc/{part}/validation"
                names = [f"p{number}-q{q:02d}" for q in range(1, questions + 1)]
                passed = False
                for attempt_number in range(1, 4):
                    started = step(24)
                    finished = min(started + timedelta(minutes=rng.randrange(5, 40)), end)
                    passed = rng.random() < 0.65
                    score = rng.randrange(70, 101) / 10 if passed else rng.randrange(0, 70) / 10
                    attempt_id += 1
                    drawn = rng.sample(names, 10)
                    attempts.add(attempt_id, uid, bank, attempt_number, json.dumps(drawn), json.dumps([[] for _ in drawn]), "70",
                                 t.ts(started), t.ts(finished), f"{score:.1f}", b(passed), "10")
                    submitted.append((attempt_id, started, finished))
                    moment = finished
                    if passed:
                        break
                passed_all = passed_all and passed
        if stage == len(PARTS):
            for a in range(1, SELF[1] + 1):
                tried = step()
                progress.add(uid, f"s-a{a:02d}", SELF[0], 1, t.ts(tried), t.ts(tried))
            if passed_all:
                certificate_id += 1
                issued = step(1)
                revoked = t.ts(min(issued + timedelta(days=3), end)) if certificate_id % 100 == 0 else None
                certificates.add(certificate_id, uuid.uuid4().hex[:12].upper(), uid, f"Learner {n}", uuid.uuid4().hex, uuid.uuid4().hex[:16],
                                 culture, t.ts(issued), revoked, "bench" if revoked else None)
        if rng.random() < 0.2:
            kind = rng.choice(["practice", "tutorial", "mooc-part", "mooc-course"])
            set_id = {"mooc-part": rng.choice([p for p, _, _ in PARTS]), "mooc-course": "mooc"}.get(kind) or rng.choice(SETS)
            created = min(registered + timedelta(days=rng.randrange(60)), end)
            status = rng.choice(["New", "Accepted", "Done", "Rejected"])
            feedback_id += 1
            feedback.add(feedback_id, uid, kind, set_id, culture, rng.randrange(1, 6), "A bench comment.", None, None, None, status,
                         None, None, None, t.ts(created), t.ts(created), None if status == "New" else t.ts(created))

    counts = {name: rows.close() for name, rows in [("structures", structures), ("learners", users), ("roles", roles),
                                                    ("enrolments", enrolments), ("activity rows", progress), ("attempts", attempts),
                                                    ("certificates", certificates), ("feedback items", feedback)]}
    answers = t.open("AttemptAnswers", ["AttemptId", "Position", "Response", "SavedUtc", "Score"])
    each, extra = divmod(ANSWERS, len(submitted))
    for i, (aid, started, finished) in enumerate(submitted):
        for position in range(each + (1 if i < extra else 0)):
            answers.add(aid, position, '{"$type":"choice","selected":[0]}', t.ts(started + (finished - started) * (position + 1) / 11), "1")
    counts["answers"] = answers.close()

    reads = t.open("ContentReads", ["Type", "SetId", "Culture", "Day", "Count"])
    day = start.replace(hour=0, minute=0, second=0)
    while day <= end:
        for kind in ("practice", "tutorial"):
            for set_id in SETS:
                for culture, weight in CULTURES:
                    if rng.random() < weight / 50:
                        reads.add(kind, set_id, culture, t.ts(day), rng.randrange(1, 40))
        day += timedelta(days=1)
    counts["content reads"] = reads.close()

    # Identity columns go on from the ids written here; the administrator's one-time password becomes a plain one.
    if provider == "postgres":
        t.execute(";".join(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))"
                           for table in ["Structures", "Enrolments", "Attempts", "Certificates", "FeedbackItems"])
                  + "; ANALYZE")
    # (No ANALYZE on SQLite: the site never runs it, so its query plans go without statistics.)
    t.execute("DELETE FROM \"AspNetUserTokens\" WHERE \"Name\" = 'OneTimePassword'")
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()))


def learners_to_sign_in(provider, db, n, skip=0):
    """Enrolled learners who never started a test (any test can be started, the course page has their progress)."""
    t = Target(provider, db)
    for address in t.query('SELECT u."Email" FROM "AspNetUsers" u JOIN "Enrolments" e ON e."UserId" = u."Id" '
                           'WHERE u."Email" LIKE \'learner%@bench.example.org\' '
                           'AND NOT EXISTS (SELECT 1 FROM "Attempts" a WHERE a."UserId" = u."Id") '
                           f'ORDER BY e."Id" LIMIT {n} OFFSET {skip}'):
        print(address)


def change(provider, db, n):
    """n learners, taken evenly across the directory, save their profile and try an activity now."""
    t = Target(provider, db)
    now = t.ts(datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None))
    pick_sql = (f'SELECT "UserId" FROM "Enrolments" ORDER BY "Id" LIMIT {n}')
    ids = t.query(pick_sql)
    quoted = ", ".join(f"'{i}'" for i in ids)
    t.execute(f"UPDATE \"AspNetUsers\" SET \"Profession\" = 'Profession 01', \"ProfileChangedUtc\" = '{now}' WHERE \"Id\" IN ({quoted});"
              f"UPDATE \"ActivityProgress\" SET \"Tries\" = \"Tries\" + 1, \"LastTriedUtc\" = '{now}' WHERE \"ActivityId\" = 'p1-a01' AND \"UserId\" IN ({quoted});"
              "UPDATE \"ReportFactsState\" SET \"RefreshedUtc\" = '2000-01-01 00:00:00" + ("" if provider == "sqlite" else "+00") + "'")
    print(f"{len(ids)} learners changed")


def opener_with(jar=None):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar() if jar is None else jar), NoRedirect)


def signin(site, password):
    jar = http.cookiejar.CookieJar()
    opener = opener_with(jar)
    page = opener.open(site + "/en/account/login").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    try:
        opener.open(site + "/en/account/login", urllib.parse.urlencode(
            {"__RequestVerificationToken": token, "Email": "admin@example.org", "Password": password}).encode())
    except urllib.error.HTTPError as redirect:
        if redirect.code != 302:
            raise
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    request = urllib.request.Request(site + "/en/admin/structures", headers={"Cookie": cookie})
    if opener_with().open(request).status != 200:
        sys.exit("the administrator could not sign in")
    print(cookie)


def timed(site, cookie, path, n):
    """Prints "median p95 bytes errors"; an error is timed too (until its error page)."""
    timed_paths(site, cookie, [path] * n)


def timed_paths(site, cookie, paths):
    """Each path once, in turn: prints "median p95 bytes errors"."""
    times, size, errors = [], 0, 0
    for path in paths:
        request = urllib.request.Request(site + path, headers={"Cookie": cookie})
        began = time.perf_counter()
        try:
            with opener_with().open(request, timeout=3600) as response:
                size = len(response.read())
            times.append((time.perf_counter() - began) * 1000)
        except urllib.error.HTTPError:
            errors += 1  # timed all the same: the time until the error page
            times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"{statistics.median(times):.0f} {p95:.0f} {size} {errors}")


def slowest(log, first_line):
    """Sums PostgreSQL's log_min_duration_statement entries by statement: count, median and total ms."""
    entries, current = [], None
    with open(log, errors="replace") as lines:
        for number, line in enumerate(lines):
            if number < first_line:
                continue
            if found := re.search(r"LOG:  duration: ([0-9.]+) ms  (?:execute [^:]*|statement): (.*)", line):
                current = [float(found.group(1)), found.group(2)]
                entries.append(current)
            elif current is not None and line.startswith(("\t", " ")):
                current[1] += " " + line.strip()
            else:
                current = None
    by_statement = {}
    for ms, sql in entries:
        by_statement.setdefault(re.sub(r"\s+", " ", sql)[:220], []).append(ms)
    for sql, times in sorted(by_statement.items(), key=lambda kv: -sum(kv[1]))[:12]:
        print(f"{len(times):4d} × median {statistics.median(times):7.0f} ms  {sql}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "fill":
        sizes = dict(zip(args[2::2], args[3::2]))
        LEARNERS = int(sizes.get("--learners", LEARNERS))
        STRUCTURES = int(sizes.get("--structures", STRUCTURES))
        ANSWERS = int(sizes.get("--answers", ANSWERS))
        fill(args[0], args[1])
    elif command == "pick":
        learners_to_sign_in(args[0], args[1], int(args[2]), int(args[3]) if len(args) > 3 else 0)
    elif command == "change":
        change(args[0], args[1], int(args[2]))
    elif command == "signin":
        signin(args[0], args[1])
    elif command == "slowest":
        slowest(args[0], int(args[1]))
    elif command == "time":
        timed(args[0], args[1], args[2], int(args[3]))
    elif command == "each":
        timed_paths(args[0], args[1], args[2:])
    else:
        sys.exit(__doc__)
