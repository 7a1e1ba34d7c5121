#!/usr/bin/env bash
# Times ONE `./abusedesk parse` call on 3,000 generated notices (JVM start included) against a plain
# Python 3 standard-library script doing the same (bench/parse_notices.py), best of 5 runs each.
# Target (issue 2): abusedesk in under half the Python time. Results go to docs/benchmarks.md.
#
# Needs: ./mvnw -DskipTests package first; hyperfine if installed (apt-get install hyperfine),
# else a plain loop over `date +%s%N`.
# Usage: bench/parse-vs-python.sh [COUNT]   (default 3000)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-3000}"
runs=5
[ -f "$repo/app/target/abusedesk.jar" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$repo/bench/generate_notices.py" "$work/notices" "$count"
cd "$work/notices"

java_cmd="$repo/abusedesk parse *.eml > /dev/null"
python_cmd="python3 $repo/bench/parse_notices.py *.eml > /dev/null"

# Same work: both read every notice to the same core fields.
"$repo/abusedesk" parse ./*.eml > "$work/java.jsonl"
python3 "$repo/bench/parse_notices.py" ./*.eml > "$work/python.jsonl"
python3 - "$work/java.jsonl" "$work/python.jsonl" "$count" <<'PY'
import json, sys
keys = ["source", "kind", "category", "accounts", "regions", "resources", "ips", "case_id",
        "received_at", "deadline", "sender_verified", "complaint_format"]
java = [json.loads(l) for l in open(sys.argv[1])]
python = [json.loads(l) for l in open(sys.argv[2])]
assert len(java) == len(python) == int(sys.argv[3]), (len(java), len(python))
differ = [j["source"] for j, p in zip(java, python) if [j[k] for k in keys] != [p[k] for k in keys]]
print(f"outputs: {len(java)} lines each; core fields differ on {len(differ)} inputs {differ[:3]}")
PY

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(python3 --version)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
    -n abusedesk "$java_cmd" -n python "$python_cmd"
  python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
j, p = min(r["abusedesk"]["times"]), min(r["python"]["times"])
print(f"best of {len(r['abusedesk']['times'])}: abusedesk {j:.3f} s, python {p:.3f} s, "
      f"ratio {j / p:.2f} (target < 0.50: {'met' if j < p / 2 else 'MISSED'})")
PY
else
  best() {
    local best=""
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N); bash -c "$1"; end=$(date +%s%N)
      local ms=$(((end - start) / 1000000))
      if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
  }
  j=$(best "$java_cmd"); p=$(best "$python_cmd")
  echo "best of $runs: abusedesk ${j} ms, python ${p} ms (target: abusedesk < $((p / 2)) ms)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
