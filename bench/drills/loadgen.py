"""The load test's client: simulated officers signed in as the demo PO, each requesting a realistic
mix of pages and writes back to back against a running server; prints req/s, p50/p95/p99 and errors.

    python bench/drills/loadgen.py BASE_URL TARGETS_JSON --users 8 --seconds 60 --warmup 10

Standard library only (threads and http.client), so the client costs the server little CPU.
"""

import argparse
import datetime as dt
import http.client
import json
import random
import re
import threading
import time
import urllib.parse
from collections import defaultdict

# (weight, name): how often an officer opens each page, and the one write, recording a contact.
MIX = [
    (24, "case overview"),
    (12, "caseload"),
    (14, "contact log"),
    (10, "sentence page"),
    (4, "search: surname"),
    (3, "search: partial name"),
    (3, "search: CRN"),
    (6, "my work"),
    (4, "needs an outcome"),
    (4, "diary"),
    (8, "record a contact (form)"),  # each form is followed by its POST, counted below
]
SURNAMES = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "wright"]
PARTIALS = ["dav robe", "joh smi", "sar tay", "mic bro", "emm wil"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SELECTED_OFFICER = re.compile(r'<select[^>]*name="officer".*?<option value="(\d+)"[^>]*selected', re.S)


class Officer(threading.Thread):
    def __init__(self, host: str, port: int, targets: dict, stop_at: list, results: dict, seed: int) -> None:
        super().__init__(daemon=True)
        self.host, self.port, self.targets, self.stop_at, self.results = host, port, targets, stop_at, results
        self.rng = random.Random(seed)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response.status, text

    def sign_in(self) -> None:
        _, page = self.request("GET", "/sign-in")
        token = CSRF_INPUT.search(page).group(1)
        status, _ = self.request(
            "POST",
            "/sign-in",
            {"csrfmiddlewaretoken": token, "username": "po", "password": "demo-password-1"},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"sign-in failed: {status}")

    def timed(self, name: str, method: str, path: str, body: dict | None = None, ok=(200,)) -> str:
        start = time.perf_counter()
        try:
            status, text = self.request(method, path, body)
        except OSError as error:
            status, text = 0, str(error)
        elapsed = (time.perf_counter() - start) * 1000
        self.results["_all"].append(1)  # warm-up included: the load test divides CPU time by it
        if time.monotonic() >= self.stop_at[1]:  # measured (after the warm-up)
            self.results[name].append(elapsed)
            if status not in ok:
                self.results["errors"].append(f"{name} {method} {path}: {status}")
        return text if status in ok else ""

    def run(self) -> None:
        self.sign_in()
        names = [name for _, name in MIX]
        weights = [weight for weight, _ in MIX]
        crns, sentences = self.targets["crns"], self.targets["sentences"]
        while time.monotonic() < self.stop_at[0]:
            name = self.rng.choices(names, weights)[0]
            crn = self.rng.choice(crns)
            if name == "case overview":
                self.timed(name, "GET", f"/cases/{crn}/")
            elif name == "caseload":
                self.timed(name, "GET", "/cases/mine")
            elif name == "contact log":
                self.timed(name, "GET", f"/cases/{crn}/contacts")
            elif name == "sentence page":
                self.timed(name, "GET", self.rng.choice(sentences))
            elif name == "search: surname":
                self.timed(name, "GET", f"/search?q={self.rng.choice(SURNAMES)}")
            elif name == "search: partial name":
                self.timed(name, "GET", "/search?" + urllib.parse.urlencode({"q": self.rng.choice(PARTIALS)}))
            elif name == "search: CRN":
                self.timed(name, "GET", f"/search?q={self.rng.choice(self.targets['other_crns'])}")
            elif name == "my work":
                self.timed(name, "GET", "/work")
            elif name == "needs an outcome":
                self.timed(name, "GET", "/contacts/outstanding")
            elif name == "diary":
                self.timed(name, "GET", "/diary")
            else:
                self.record_contact(name, crn)

    def record_contact(self, name: str, crn: str) -> None:
        path = f"/cases/{crn}/contacts/new"
        form = self.timed(name, "GET", path)
        if not form:
            return
        officer = SELECTED_OFFICER.search(form)
        day = dt.datetime.now(tz=dt.UTC).date() - dt.timedelta(days=1)
        body = {
            "csrfmiddlewaretoken": CSRF_INPUT.search(form).group(1),
            "type": "case_note",
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "start_time": "10:00",
            "officer": officer.group(1) if officer else "",
            "notes": f"Load test note {self.rng.random()}",
        }
        self.timed("record a contact (POST)", "POST", path, body, ok=(302, 303))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("targets")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.base_url)
    with open(args.targets, encoding="utf-8") as file:
        targets = json.load(file)
    results: dict[str, list] = defaultdict(list)
    start = time.monotonic()
    stop_at = [start + args.warmup + args.seconds, start + args.warmup]
    officers = [
        Officer(url.hostname, url.port, targets, stop_at, results, seed) for seed in range(args.users)
    ]
    for officer in officers:
        officer.start()
    for officer in officers:
        officer.join()
    measured = stop_at[0] - stop_at[1]
    errors = results.pop("errors", [])
    every_request = len(results.pop("_all", []))
    every = [ms for values in results.values() for ms in values]
    rows = []
    print("| Request | count | p50 ms | p95 ms |\n|---|---:|---:|---:|")
    for name, values in sorted(results.items(), key=lambda item: -len(item[1])):
        print(f"| {name} | {len(values)} | {percentile(values, 0.5):.0f} | {percentile(values, 0.95):.0f} |")
        rows.append(
            {
                "name": name,
                "count": len(values),
                "p50": percentile(values, 0.5),
                "p95": percentile(values, 0.95),
            }
        )
    summary = {
        "users": args.users,
        "seconds": measured,
        "requests": len(every),
        "rps": len(every) / measured,
        "p50": percentile(every, 0.5),
        "p95": percentile(every, 0.95),
        "p99": percentile(every, 0.99),
        "errors": len(errors),
        "requests_with_warmup": every_request,
        "rows": rows,
    }
    print(
        f"{args.users} users, {measured:.0f} s measured: {summary['requests']} requests, "
        f"{summary['rps']:.1f} req/s, p50 {summary['p50']:.0f} ms, p95 {summary['p95']:.0f} ms, "
        f"p99 {summary['p99']:.0f} ms, {len(errors)} errors"
    )
    for error in errors[:10]:
        print(f"  error: {error}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(summary, out, indent=2)


if __name__ == "__main__":
    main()
