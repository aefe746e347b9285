#!/usr/bin/env python3
"""Many distinct learners at once, each on their own connection with their own cookies (what wrk cannot do with a
request per learner that changes their state once). Standard library only: asyncio and raw HTTP/1.1.
  signin <site> <emails file> <out.json>     signs each learner in (password "a bench passphrase", as impact-data.py
                                             writes it) and checks their course page; keeps their cookies
  course-lua <in.json> <out.lua>             a wrk script asking for each learner's course page in turn
  start <site> <in.json> <out.json>          the burst: every learner's connection is opened and their test page read
                                             first, then all of them post "start part 1's test" at the same moment;
                                             keeps each one's first question
  answers-lua <site> <in.json> <out.lua>     reads each learner's first question; a wrk script posting their answer to
                                             it in turn (learners.py's answers)
  submit <site> <in.json> <connections> <first> <count>   learners first..first+count-1 submit their test, at most
                                             <connections> requests in flight; each learner submits once
The timed commands print "requests/s|errors|p50|p99" (times in ms), the format of lib.sh's measure."""
import asyncio, json, re, sys, time, urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from learners import answer  # noqa: E402  (the same valid answer as the answer-saving benchmark)

PASSWORD = "a bench passphrase"
token_pattern = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class Learner:
    """One learner: one keep-alive connection and their cookies, like a browser tab."""

    def __init__(self, site, email, cookies=None):
        address = urllib.parse.urlparse(site)
        self.host, self.port, self.email = address.hostname, address.port or 80, email
        self.cookies = dict(cookies or {})
        self.reader = self.writer = None
        self.data = {}

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def encode(self, method, path, fields=None):
        body = urllib.parse.urlencode(fields).encode() if fields is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Connection: keep-alive"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if fields is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    async def read(self, method="GET"):
        """Status, headers (lower-case names; Set-Cookie kept in the cookies) and body."""
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed by the server")
        status = int(status_line.split()[1])
        headers = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie, _, attributes = value.partition(";")
                key, _, val = cookie.partition("=")
                if val and "expires=thu, 01 jan 1970" not in attributes.lower():
                    self.cookies[key.strip()] = val
                else:
                    self.cookies.pop(key.strip(), None)
            headers[name] = value
        body = b""
        if method == "HEAD" or status in (204, 304):
            pass
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while (size := int((await self.reader.readline()).split(b";")[0], 16)) > 0:
                body += await self.reader.readexactly(size + 2)
                body = body[:-2]
            while await self.reader.readline() not in (b"\r\n", b""):
                pass
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.reader = None
        return status, headers, body.decode("utf-8", "replace")

    async def request(self, method, path, fields=None):
        if self.reader is None:
            await self.connect()
        self.writer.write(self.encode(method, path, fields))
        return await self.read(method)

    async def get(self, path):
        status, headers, body = await self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"{self.email}: GET {path} gave {status}")
        return body

    async def post(self, path, fields):
        """Posts a form; returns the redirection's target (None when the answer is not a redirection)."""
        status, headers, _ = await self.request("POST", path, fields)
        return headers.get("location") if status in (302, 303) else None

    def close(self):
        if self.writer:
            self.writer.close()


def token(html):
    return token_pattern.search(html).group(1)


def local(location):
    parsed = urllib.parse.urlparse(location)
    return parsed.path + ("?" + parsed.query if parsed.query else "")


def load(path, site):
    return [with_data(Learner(site, e["email"], e["cookies"]), e) for e in json.loads(Path(path).read_text())]


def with_data(learner, entry):
    learner.data = {k: v for k, v in entry.items() if k not in ("email", "cookies")}
    return learner


def save(path, learners):
    Path(path).write_text(json.dumps([{"email": l.email, "cookies": l.cookies, **l.data} for l in learners]))


async def each(learners, work, at_once=8):
    """work(learner) for every learner, at most at_once together; stops at the first failure."""
    gate = asyncio.Semaphore(at_once)

    async def one(learner):
        async with gate:
            await work(learner)
    await asyncio.gather(*(one(l) for l in learners))


def figures(times, errors, wall):
    times = sorted(times) or [0.0]
    p = lambda q: times[min(len(times) - 1, max(0, round(q * len(times)) - 1))]  # noqa: E731
    return f"{len(times) / wall:.1f}|{'none' if not errors else f'{errors} of {len(times)}'}|{p(0.5):.1f}ms|{p(0.99):.1f}ms"


async def signin(site, emails, out):
    learners = [Learner(site, e) for e in Path(emails).read_text().split()]

    async def sign_in(l):
        page = await l.get("/en/account/login")
        where = await l.post("/en/account/login", {"__RequestVerificationToken": token(page), "Email": l.email, "Password": PASSWORD})
        if where is None or "/account/" in where:
            raise SystemExit(f"{l.email} could not sign in (answer: {where})")
        if 'data-testid="continue"' not in await l.get("/en/mooc"):
            raise SystemExit(f"{l.email} is not enrolled")
        l.close()
    began = time.perf_counter()
    await each(learners, sign_in)
    save(out, learners)
    print(f"{len(learners)} learners signed in ({time.perf_counter() - began:.1f} s)", file=sys.stderr)


def course_lua(source, out):
    entries = json.loads(Path(source).read_text())
    lua = ["-- Generated by bench/crowd.py: each request is the next learner's course page.", "cookies = {",
           *[f'  {json.dumps("; ".join(f"{k}={v}" for k, v in e["cookies"].items()))},' for e in entries], "}",
           "counter = 0",
           "function init(args) counter = math.random(#cookies) end",
           "request = function()",
           "  counter = counter % #cookies + 1",
           '  return wrk.format("GET", "/en/mooc", {["Cookie"] = cookies[counter]})',
           "end"]
    Path(out).write_text("\n".join(lua) + "\n")


async def start(site, source, out):
    learners = load(source, site)

    async def ready(l):
        l.data["token"] = token(await l.get("/en/mooc/part-1/test"))
    await each(learners, ready, 16)  # every connection open, every form read: nothing left but the posts
    requests = [l.encode("POST", "/en/mooc/part-1/test", {"__RequestVerificationToken": l.data["token"]}) for l in learners]
    times, errors = [], 0

    async def answer_of(l, began):
        nonlocal errors
        try:
            status, headers, _ = await l.read("POST")
            if status != 302 or "/tests/attempts/" not in headers.get("location", ""):
                raise RuntimeError(f"{status} {headers.get('location')}")
            l.data["question"] = local(headers["location"])
        except Exception as problem:  # noqa: BLE001  (counted, and the first few shown)
            errors += 1
            if errors <= 3:
                print(f"  {l.email}: {problem}", file=sys.stderr)
        times.append((time.perf_counter() - began) * 1000)
    began = time.perf_counter()
    for l, request in zip(learners, requests):
        l.writer.write(request)  # into each socket at once: all sent within a few milliseconds
    sent = (time.perf_counter() - began) * 1000
    await asyncio.gather(*(answer_of(l, began) for l in learners))
    wall = time.perf_counter() - began
    for l in learners:
        l.close()
    save(out, learners)
    print(figures(times, errors, wall))
    print(f"  all {len(learners)} posts sent within {sent:.0f} ms; the last answered after {wall * 1000:.0f} ms", file=sys.stderr)


async def answers_lua(site, source, out):
    learners = [l for l in load(source, site) if l.data.get("question")]

    async def read_question(l):
        page = await l.get(l.data["question"])
        l.data["body"] = urllib.parse.urlencode({"__RequestVerificationToken": token(page), "direction": "next", **answer(page)})
        l.close()
    await each(learners, read_question)
    lua = ["-- Generated by bench/crowd.py: each request saves the next learner's answer to their first question.",
           "entries = {",
           *[f'  {{path={json.dumps(l.data["question"])}, cookie={json.dumps("; ".join(f"{k}={v}" for k, v in l.cookies.items()))}, '
             f'body={json.dumps(l.data["body"])}}},' for l in learners], "}",
           "counter = 0",
           "function init(args) counter = math.random(#entries) end",
           "request = function()",
           "  counter = counter % #entries + 1",
           "  local e = entries[counter]",
           '  return wrk.format("POST", e.path, {["Cookie"] = e.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, e.body)',
           "end"]
    Path(out).write_text("\n".join(lua) + "\n")
    print(f"{len(learners)} learners' questions read", file=sys.stderr)


async def submit(site, source, connections, first, count):
    learners = [l for l in load(source, site) if l.data.get("question")][first:first + count]

    async def ready(l):
        l.data["summary"] = re.sub(r"/\d+$", "", l.data["question"])  # /en/tests/attempts/{id}/{position} -> its summary
        l.data["token"] = token(await l.get(l.data["summary"]))
    await each(learners, ready, 16)
    queue = list(learners)
    times, errors = [], 0

    async def worker():
        nonlocal errors
        while queue:
            l = queue.pop()
            began = time.perf_counter()
            try:
                where = await l.post(l.data["summary"], {"__RequestVerificationToken": l.data["token"]})
                if where is None or not local(where).endswith(l.data["summary"].split("/en", 1)[1]):
                    raise RuntimeError(f"answer: {where}")
            except Exception as problem:  # noqa: BLE001
                errors += 1
                if errors <= 3:
                    print(f"  {l.email}: {problem}", file=sys.stderr)
            times.append((time.perf_counter() - began) * 1000)
    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    wall = time.perf_counter() - began
    for l in learners:
        l.close()
    print(figures(times, errors, wall))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "signin":
        asyncio.run(signin(*args))
    elif command == "course-lua":
        course_lua(*args)
    elif command == "start":
        asyncio.run(start(*args))
    elif command == "answers-lua":
        asyncio.run(answers_lua(*args))
    elif command == "submit":
        asyncio.run(submit(args[0], args[1], int(args[2]), int(args[3]), int(args[4])))
    else:
        sys.exit(__doc__)
