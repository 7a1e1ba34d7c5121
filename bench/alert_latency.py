#!/usr/bin/env python3
"""End-to-end latency harnesses for Abuse Desk (see docs/benchmarks.md).

  alert_latency.py ingest  [--runs 20]         ./abusedesk ingest: wall time, and ingest start → chat request
  alert_latency.py serve   [--rate 20 --seconds 30]   SMTP 250 → chat request, p50/p99, and idle RSS
  alert_latency.py burst   [--notices 60 --rate 20]   a burst into a Slack-like receiver that takes
                                                       one message a second (429 above): SMTP 250 →
                                                       the case named in an accepted chat message

A loopback HTTP server plays the chat tool (a generic webhook receiver); each notice carries its own
AWS case number, so every request is matched to the message that caused it.
"""
import argparse, json, os, re, shutil, smtplib, socket, statistics, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "abusedesk")
NOTICE = open(os.path.join(ROOT, "core/src/test/resources/fixtures/email/ec2-abuse-dos.eml")).read()
arrivals = {}
lock = threading.Lock()


paced = {"on": False, "last": 0.0, "accepted": 0, "refused": 0}


class Chat(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
        now = time.monotonic()
        if paced["on"]:
            with lock:
                if now - paced["last"] < 1.0:
                    paced["refused"] += 1
                    self.send_response(429)
                    self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", "12")
                    self.end_headers()
                    self.wfile.write(b"rate_limited")
                    return
                paced["last"] = now
                paced["accepted"] += 1
        for number in re.findall(r"\b6\d{7}\b", body):
            with lock:
                arrivals.setdefault(number, now)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def notice(i):
    number = str(60_000_000 + i)
    return number, NOTICE.replace("20816735", number).replace("0100018f2a1b2c3d", "0100018f2a1b%04d" % (i % 10000))


def chat_server():
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Chat)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def config(tmp, chat_port, extra=""):
    path = os.path.join(tmp, "abusedesk.yaml")
    with open(path, "w") as f:
        f.write("receivers:\n  - name: hook\n    webhook: {url: \"http://127.0.0.1:%d/hook\"}\n"
                "    rate_per_second: 1000\n%s" % (chat_port, extra))
    return path


def bench_ingest(runs):
    server, chat_port = chat_server()
    tmp = tempfile.mkdtemp(prefix="abusedesk-bench-")
    cfg = config(tmp, chat_port)
    data = os.path.join(tmp, "data")
    subprocess.run([LAUNCHER, "ingest", "--config", cfg, "--data-dir", data], input=notice(9999)[1].encode(),
                   check=True, capture_output=True)  # first run creates the database
    walls, to_chat = [], []
    for i in range(runs):
        number, mail = notice(i)
        start = time.monotonic()
        subprocess.run([LAUNCHER, "ingest", "--config", cfg, "--data-dir", data], input=mail.encode(),
                       check=True, capture_output=True)
        walls.append(time.monotonic() - start)
        with lock:
            to_chat.append(arrivals[number] - start)
    server.shutdown()
    shutil.rmtree(tmp)
    print(json.dumps({
        "runs": runs,
        "ingest_wall_ms": {"median": round(statistics.median(walls) * 1000), "min": round(min(walls) * 1000),
                           "max": round(max(walls) * 1000)},
        "ingest_start_to_chat_ms": {"median": round(statistics.median(to_chat) * 1000),
                                    "p90": round(percentile(to_chat, 90) * 1000)},
        "load_average": os.getloadavg()}, indent=2))


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bench_serve(rate, seconds, idle_seconds):
    server, chat_port = chat_server()
    tmp = tempfile.mkdtemp(prefix="abusedesk-bench-")
    smtp_port, http_port = free_port(), free_port()
    cfg = config(tmp, chat_port, "intake:\n  smtp: {listen: \"127.0.0.1:%d\"}\n  http: {listen: \"127.0.0.1:%d\"}\n"
                 % (smtp_port, http_port))
    daemon = subprocess.Popen([LAUNCHER, "serve", "--config", cfg, "--data-dir", os.path.join(tmp, "data")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", smtp_port), 1).close()
            break
        except OSError:
            time.sleep(0.1)
    time.sleep(idle_seconds)
    idle_rss = rss_kb(daemon.pid)
    accepted = {}
    interval = 1.0 / rate
    start = time.monotonic()
    client = smtplib.SMTP("127.0.0.1", smtp_port)
    for i in range(rate * seconds):
        due = start + i * interval
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        number, mail = notice(i)
        client.sendmail("ec2-abuse@amazon.com", ["security@example.com"], mail.encode())
        accepted[number] = time.monotonic()  # the 250 has just arrived
    client.quit()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if all(n in arrivals for n in accepted):
                break
        time.sleep(0.1)
    busy_rss = rss_kb(daemon.pid)
    daemon.terminate()
    daemon.wait(20)
    server.shutdown()
    shutil.rmtree(tmp)
    with lock:
        latencies = [arrivals[n] - t for n, t in accepted.items() if n in arrivals]
    print(json.dumps({
        "messages": len(accepted), "delivered": len(latencies), "rate_per_second": rate,
        "smtp_250_to_chat_ms": {"p50": round(percentile(latencies, 50) * 1000, 1),
                                "p99": round(percentile(latencies, 99) * 1000, 1),
                                "max": round(max(latencies) * 1000, 1)},
        "idle_rss_mb": round(idle_rss / 1024), "rss_after_load_mb": round(busy_rss / 1024),
        "load_average": os.getloadavg()}, indent=2))


def bench_burst(notices, rate):
    paced["on"] = True
    server, chat_port = chat_server()
    tmp = tempfile.mkdtemp(prefix="abusedesk-bench-")
    smtp_port, http_port = free_port(), free_port()
    path = os.path.join(tmp, "abusedesk.yaml")
    with open(path, "w") as f:
        f.write("receivers:\n  - name: ops-slack\n    slack: {webhook_url: \"http://127.0.0.1:%d/hook\"}\n"
                "intake:\n  smtp: {listen: \"127.0.0.1:%d\"}\n  http: {listen: \"127.0.0.1:%d\"}\n"
                % (chat_port, smtp_port, http_port))
    daemon = subprocess.Popen([LAUNCHER, "serve", "--config", path, "--data-dir", os.path.join(tmp, "data")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", smtp_port), 1).close()
            break
        except OSError:
            time.sleep(0.1)
    time.sleep(5)
    accepted = {}
    start = time.monotonic()
    for i in range(notices):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        number, mail = notice(i)
        client = smtplib.SMTP("127.0.0.1", smtp_port)
        client.sendmail("ec2-abuse@amazon.com", ["security@example.com"], mail.encode())
        accepted[number] = time.monotonic()  # the 250 has just arrived
        client.quit()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with lock:
            if all(n in arrivals for n in accepted):
                break
        time.sleep(0.05)
    daemon.terminate()
    daemon.wait(20)
    server.shutdown()
    shutil.rmtree(tmp)
    with lock:
        latencies = [arrivals[n] - t for n, t in accepted.items() if n in arrivals]
        first_250 = min(accepted.values())
        all_visible = max(arrivals[n] for n in accepted if n in arrivals) - first_250
    print(json.dumps({
        "notices": len(accepted), "visible": len(latencies), "rate_per_second": rate,
        "first_250_to_every_case_visible_s": round(all_visible, 1),
        "smtp_250_to_case_named_in_chat_ms": {"p50": round(percentile(latencies, 50) * 1000),
                                              "p99": round(percentile(latencies, 99) * 1000),
                                              "max": round(max(latencies) * 1000)},
        "chat_messages_accepted": paced["accepted"], "refused_429": paced["refused"],
        "load_average": os.getloadavg()}, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["ingest", "serve", "burst"])
    parser.add_argument("--notices", type=int, default=60)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rate", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--idle", type=int, default=30)
    args = parser.parse_args()
    if args.what == "ingest":
        bench_ingest(args.runs)
    elif args.what == "burst":
        bench_burst(args.notices, args.rate)
    else:
        bench_serve(args.rate, args.seconds, args.idle)
