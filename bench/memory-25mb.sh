#!/usr/bin/env bash
# Shows that a 25 MB mail parses within a 64 MB heap: generates two 25 MB mails (a notice with a
# 25 MB base64 attachment, and a notice whose text part is 25 MB), runs
# `JAVA_OPTS=-Xmx64m ./abusedesk parse` on each, and reports the exit code, wall time, peak RSS
# (/usr/bin/time -v) and what was read. Results go to docs/benchmarks.md.
#
# Needs: ./mvnw -DskipTests package first, and /usr/bin/time (Debian package `time`).
# Usage: bench/memory-25mb.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$repo/app/target/abusedesk.jar" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import base64, os, random, sys
work = sys.argv[1]
head = """From: Amazon EC2 Abuse <ec2-abuse@amazon.com>
To: security@example-msp.jp
Subject: Your Amazon EC2 Abuse Report [20816735] [AWS ID 111122223333]
Date: Tue, 14 Oct 2025 03:12:40 +0000
Message-ID: <big@email.amazonses.com>
MIME-Version: 1.0
"""
notice = """Hello,

We've received a report(s) that your AWS resource(s)

AWS ID: 111122223333\tRegion: ap-northeast-1\tEC2 Instance Id: i-0a1b2c3d4e5f60718 [203.0.113.45]

has been implicated in activity which resembles a Denial of Service attack against remote hosts.

Regards,
AWS Abuse
"""
size = 25 * 1024 * 1024
rng = random.Random(25)
with open(os.path.join(work, "big-attachment.eml"), "w") as f:
    f.write(head + 'Content-Type: multipart/mixed; boundary="big"\n\n--big\nContent-Type: text/plain\n\n'
            + notice + '--big\nContent-Type: application/vnd.tcpdump.pcap\n'
            'Content-Disposition: attachment; filename="capture.pcap"\nContent-Transfer-Encoding: base64\n\n')
    chunk = rng.randbytes(57 * 1024)
    written = 0
    while written < size:
        text = base64.encodebytes(chunk).decode()
        f.write(text)
        written += len(text)
    f.write("--big--\n")
with open(os.path.join(work, "big-text.eml"), "w") as f:
    f.write(head + "Content-Type: text/plain; charset=utf-8\n\n" + notice)
    line = "01:40:02 UTC 203.0.113.45:53211 -> 198.51.100.17:80 UDP len=1472 flood continues\n"
    for _ in range(size // len(line) + 1):
        f.write(line)
PY

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for mail in big-attachment.eml big-text.eml; do
  size=$(stat -c %s "$work/$mail")
  JAVA_OPTS=-Xmx64m /usr/bin/time -v "$repo/abusedesk" parse "$work/$mail" \
    > "$work/out.jsonl" 2> "$work/time.txt" && rc=0 || rc=$?
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  read_as=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); print(d.get("error") or "%s %s resources=%s truncated=%s" % (d["kind"], d["category"], d["resources"], d["truncated"]))' "$work/out.jsonl")
  echo "$mail: $((size / 1024 / 1024)) MB, -Xmx64m, exit $rc, wall $wall, peak RSS $((rss / 1024)) MB, read as: $read_as"
done
