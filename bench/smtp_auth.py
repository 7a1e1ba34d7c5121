#!/usr/bin/env python3
"""The SMTP listener's AUTH under guessing, and what STARTTLS costs a delivery (docs/benchmarks.md).

  smtp_auth.py guesses [--guesses 200]    wrong AUTH PLAIN passwords as fast as the listener answers:
                                           how many are answered, how many refused, how long it takes
  smtp_auth.py tls     [--deliveries 50]  one delivery per connection (EHLO, AUTH, the fixture
                                           notice): in clear on a loopback listener, then with
                                           STARTTLS on a listener beyond loopback (0.0.0.0)

Runs ./abusedesk serve (build it first); the certificate is a self-signed RSA-2048 one made with
openssl, which the client checks.
"""
import argparse, base64, json, os, shutil, smtplib, socket, ssl, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "abusedesk")
NOTICE = open(os.path.join(ROOT, "core/src/test/resources/fixtures/email/ec2-abuse-dos.eml"), "rb").read()
PASSWORD = "right-pass"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(tmp, smtp):
    """Starts the daemon with only an SMTP listener; returns it and its port."""
    port = free_port()
    cfg = os.path.join(tmp, "abusedesk.yaml")
    with open(cfg, "w") as f:
        f.write("intake:\n  smtp:\n    listen: \"%s:%d\"\n    username: relay\n    password: %s\n%s"
                % (smtp.get("host", "127.0.0.1"), port, PASSWORD, smtp.get("extra", "")))
    daemon = subprocess.Popen([LAUNCHER, "serve", "--config", cfg, "--data-dir", os.path.join(tmp, "data")],
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "serve.log"), "w"))
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return daemon, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the daemon did not listen; see " + os.path.join(tmp, "serve.log"))


def stop(daemon):
    daemon.terminate()
    daemon.wait(30)


def reply(f):
    text = b""
    while True:
        line = f.readline()
        if not line:
            return None
        text += line
        if line[3:4] != b"-":
            return text.decode()


def bench_guesses(guesses):
    tmp = tempfile.mkdtemp(prefix="abusedesk-bench-")
    daemon, port = serve(tmp, {})
    counts, s, f = {}, None, None
    start = time.monotonic()
    for i in range(guesses):
        if s is None:
            s = socket.create_connection(("127.0.0.1", port))
            f = s.makefile("rb")
            greeting = reply(f)
            if greeting is None or greeting.startswith("421"):
                counts["421 on connecting"] = counts.get("421 on connecting", 0) + 1
                s.close()
                s = None
                continue
        token = base64.b64encode(b"\0relay\0guess-%d" % i).decode()
        s.sendall(("AUTH PLAIN %s\r\n" % token).encode())
        answer = reply(f)
        code = answer[:3] if answer else "closed"
        counts[code] = counts.get(code, 0) + 1
        if answer is None or code == "421":
            s.close()
            s = None
    elapsed = time.monotonic() - start
    stop(daemon)
    logged = sum("AUTH failed" in line for line in open(os.path.join(tmp, "serve.log")))
    shutil.rmtree(tmp)
    print(json.dumps({"guesses": guesses, "answers": counts, "seconds": round(elapsed, 2),
                      "failures_logged": logged, "load_average": os.getloadavg()}, indent=2))


def deliveries(port, n, context):
    times = []
    for _ in range(n):
        start = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port) as client:
            client.ehlo()
            if context:
                client.starttls(context=context)
                client.ehlo()
            client.login("relay", PASSWORD)
            client.sendmail("ec2-abuse@amazon.com", ["security@example.com"], NOTICE)
        times.append(time.monotonic() - start)
    times.sort()
    return {"median_ms": round(statistics.median(times) * 1000, 1),
            "p90_ms": round(times[int(len(times) * 0.9)] * 1000, 1)}


def bench_tls(n):
    tmp = tempfile.mkdtemp(prefix="abusedesk-bench-")
    cert, key = os.path.join(tmp, "fullchain.pem"), os.path.join(tmp, "privkey.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=abuse.example.com", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    os.chmod(key, 0o600)
    results = {}
    daemon, port = serve(tmp, {})
    deliveries(port, 5, None)  # warm-up
    results["clear_on_loopback"] = deliveries(port, n, None)
    stop(daemon)
    tls = "    tls: {certificate_file: %s, key_file: %s}\n" % (cert, key)
    daemon, port = serve(tmp, {"host": "0.0.0.0", "extra": tls})
    context = ssl.create_default_context(cafile=cert)
    deliveries(port, 5, context)
    results["starttls_beyond_loopback"] = deliveries(port, n, context)
    stop(daemon)
    shutil.rmtree(tmp)
    print(json.dumps({"deliveries": n, **results, "load_average": os.getloadavg()}, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("guesses").add_argument("--guesses", type=int, default=200)
    sub.add_parser("tls").add_argument("--deliveries", type=int, default=50)
    args = parser.parse_args()
    if args.what == "guesses":
        bench_guesses(args.guesses)
    else:
        bench_tls(args.deliveries)
