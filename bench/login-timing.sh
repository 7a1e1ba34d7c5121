#!/usr/bin/env bash
# How long a failed dashboard login takes: a wrong password for a known user against an unknown
# user name, through `serve`'s HTTP listener (curl's time_total, milliseconds). Each round is
# (wrong password, unknown name, right password): the right one clears the throttle, so every
# timed attempt is checked, never answered 429. Results go to docs/benchmarks.md.
#
#   bench/login-timing.sh [ROUNDS]           # default 40 rounds, the first 5 not counted
#   ABUSEDESK=/other/checkout/abusedesk bench/login-timing.sh   # another build
set -euo pipefail

rounds="${1:-40}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
abusedesk="${ABUSEDESK:-$here/abusedesk}"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port/dashboard"
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

hash="$(printf '%s\n' 'correct horse' | "$abusedesk" hash-password)"
cat > "$dir/abusedesk.yaml" <<YAML
intake:
  http: {listen: "127.0.0.1:$port"}
dashboard:
  users:
    - {name: hanako, password_hash: "$hash"}
YAML
"$abusedesk" serve --config "$dir/abusedesk.yaml" --data-dir "$dir/data" >"$dir/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/login" && break
  sleep 0.5
done

# POSTs a login with the session in $jar; prints "status time_ms".
login() {
  local jar="$1" user="$2" password="$3" csrf
  csrf="$(curl -s -b "$jar" -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -s -o /dev/null -b "$jar" -c "$jar" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "user=$user" --data-urlencode "password=$password" --data-urlencode "csrf=$csrf" \
    "$base/login" | awk '{printf "%s %.1f\n", $1, $2 * 1000}'
}

: > "$dir/known" && : > "$dir/unknown"
for i in $(seq 1 "$rounds"); do
  jar="$dir/cookies-$i"
  read -r k_status k_ms < <(login "$jar" hanako "wrong $i")
  read -r u_status u_ms < <(login "$jar" "nobody-$i-$RANDOM" "wrong $i")
  read -r ok_status _ < <(login "$jar" hanako 'correct horse')
  if [ "$k_status" != 401 ] || [ "$u_status" != 401 ] || [ "$ok_status" != 303 ]; then
    echo "round $i: unexpected answers $k_status $u_status $ok_status" >&2
    exit 1
  fi
  if [ "$i" -gt 5 ]; then
    echo "$k_ms" >> "$dir/known"
    echo "$u_ms" >> "$dir/unknown"
  fi
done

summary() {
  sort -n "$1" | awk '{v[NR] = $1} END {printf "median %.1f ms, p10 %.1f, p90 %.1f (n=%d)\n", v[int((NR + 1) / 2)], v[int(NR * 0.1) + 1], v[int(NR * 0.9)], NR}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrong password, known user: $(summary "$dir/known")"
echo "unknown user:               $(summary "$dir/unknown")"
