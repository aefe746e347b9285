#!/usr/bin/env python3
"""Sets up many distinct learners on a running site (registered through the real pages, confirmation e-mail
read from the pickup folder, signed in, enrolled in the course) and writes a wrk Lua script that sends each
learner's request in turn, with their own session cookie:
  answers  each learner starts part 1's validation test; a request saves their answer to its first question
  course   a request is the learner's course page
Usage: bench/learners.py <site> <pickup folder> <learners> <answers|course> <out.lua>. Standard library only."""
import email, email.policy, http.cookiejar, json, re, sys, time, urllib.parse, urllib.request
from pathlib import Path

token_pattern = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    return jar, opener


def get(opener, path):
    with opener.open(base + path) as response:
        return response.read().decode()


def post(opener, path, fields):
    try:
        opener.open(base + path, urllib.parse.urlencode(fields).encode())
    except urllib.error.HTTPError as redirect:
        if redirect.code != 302:
            raise
        return redirect.headers["Location"]
    return None


def token(html):
    return token_pattern.search(html).group(1)


def answer(html):
    """A valid answer to the question on the page, whatever its type (the draw is random): the first choice,
    the first match of each item, ranks in order, or a text or a number. A field the question does not read
    would be a request that saves nothing."""
    fields = {}
    if choice := re.search(r'name="choice" value="(\d+)"', html):
        fields["choice"] = choice.group(1)
    for n, select in enumerate(re.findall(r'name="(match-\d+)"', html)):
        fields[select] = re.findall(r'<option value="(\d+)"', html)[0]
    for n, select in enumerate(re.findall(r'name="(rank-\d+)"', html)):
        fields[select] = str(n + 1)
    if 'name="text"' in html:
        fields["text"] = "an answer"
    if 'name="number"' in html:
        fields["number"] = "1"
    if not fields:
        sys.exit("no answer field on the question page")
    return fields


def register(address, name):
    jar, opener = session()
    page = get(opener, "/en/account/register")
    post(opener, "/en/account/register", {
        "__RequestVerificationToken": token(page), "Input.Email": address, "Input.Password": "a bench passphrase",
        "Input.DisplayName": name, "Input.PreferredCulture": "en", "Input.AcceptPrivacyNotice": "true"})
    link = None
    for _ in range(100):  # the outbox job delivers within a few seconds
        for eml in pickup.glob("*.eml"):
            message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
            # A file still being written may lack its headers or its link yet: read again on the next turn.
            if address in (message["To"] or "") and (body := message.get_body(preferencelist=("plain",))):
                if found := re.search(r"https?://\S+/account/confirm\?userId=\S+", body.get_content()):
                    link = found.group(0)
        if link:
            break
        time.sleep(0.2)
    get(opener, urllib.parse.urlparse(link).path + "?" + urllib.parse.urlparse(link).query)


def sign_in(address):
    """Signs in and enrols; in "answers" mode, also starts part 1's test. Returns the learner's request."""
    jar, opener = session()
    page = get(opener, "/en/account/login")
    post(opener, "/en/account/login", {"__RequestVerificationToken": token(page), "Email": address, "Password": "a bench passphrase"})
    page = get(opener, "/en/mooc")
    post(opener, "/en/mooc?handler=Enrol", {"__RequestVerificationToken": token(page)})
    if mode == "course":
        if 'data-testid="continue"' not in get(opener, "/en/mooc"):
            sys.exit(f"{address} is not enrolled")
        return {"method": "GET", "path": "/en/mooc", "cookie": cookies(jar), "body": ""}
    page = get(opener, "/en/mooc/part-1/test")
    question = post(opener, "/en/mooc/part-1/test", {"__RequestVerificationToken": token(page)})
    if "/tests/attempts/" not in (question or ""):
        sys.exit(f"{address} could not start the test: {question}")
    page = get(opener, question)
    return {"method": "POST", "path": question, "cookie": cookies(jar), "body": urllib.parse.urlencode(
        {"__RequestVerificationToken": token(page), "direction": "next", **answer(page)})}


def cookies(jar):
    return "; ".join(f"{c.name}={c.value}" for c in jar)


if __name__ == "__main__":  # crowd.py imports answer()
    base, pickup, learners, mode, out = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    addresses = [f"bench{n}@example.org" for n in range(learners)]
    for n, address in enumerate(addresses):
        register(address, f"Bench {n}")
    # Signed in last, all together: a session cookie is checked against the account once a minute, and a real
    # browser takes the refreshed cookie; wrk replays the same one, so the measurement must fit in that minute.
    entries = [sign_in(address) for address in addresses]

    lua = [
        "-- Generated by bench/learners.py: each request is the next learner's.",
        "entries = {",
        *[f'  {{method={json.dumps(e["method"])}, path={json.dumps(e["path"])}, cookie={json.dumps(e["cookie"])}, body={json.dumps(e["body"])}}},' for e in entries],
        "}",
        "counter = 0",
        "function init(args) counter = math.random(#entries) end",
        "request = function()",
        "  counter = counter % #entries + 1",
        "  local e = entries[counter]",
        '  if e.method == "GET" then return wrk.format("GET", e.path, {["Cookie"] = e.cookie}) end',
        '  return wrk.format("POST", e.path, {["Cookie"] = e.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, e.body)',
        "end",
    ]
    Path(out).write_text("\n".join(lua) + "\n")
    print(f"{len(entries)} learners ready")
