#!/bin/bash
# Boots this machine's own systemd in a container (systemd-nspawn) on a throwaway overlay of its
# root file system, installs the .deb there and watches the service the way an administrator
# would, with systemctl and journalctl. Prints "name<TAB>value" lines for ServiceUnderSystemdIT.
#
#   unshare --mount --net bash systemd-container.sh DEB EVENT_JSON EMPTY_DIR
#
# The container boots straight into one oneshot unit (systemd.unit=), not into the machine's
# multi-user target: only what the check needs runs. Exits 3 when no container can be booted here.
set -u

if [ "${1:-}" != --inside ]; then
  deb="$1"
  event="$2"
  ip link set lo up || exit 3
  base="$3"
  mount -t tmpfs tmpfs "$base" || exit 3
  mkdir -p "$base/upper" "$base/work" "$base/root"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/root" || exit 3
  root="$base/root"
  # nspawn's own bookkeeping under /run stays in this namespace too.
  mkdir -p /run/systemd/nspawn && mount -t tmpfs tmpfs /run/systemd/nspawn || exit 3
  mkdir -p "$root/root/check"
  cp "$deb" "$root/root/check/abusedesk.deb"
  cp "$event" "$root/root/check/event.json"
  cp "$0" "$root/root/check/systemd-container.sh"
  # A container image, not a copy of a machine: its own identity, no docker-style ban on starting
  # services (policy-rc.d), no manual page index rebuilt after each dpkg run.
  : >"$root/etc/machine-id"
  rm -f "$root/usr/sbin/policy-rc.d" "$root/var/lib/man-db/auto-update"
  cat >"$root/etc/systemd/system/abusedesk-check.service" <<'UNIT'
[Unit]
Description=Install abusedesk and watch its service
SuccessAction=poweroff-force
FailureAction=poweroff-force

[Service]
Type=oneshot
ExecStart=/bin/bash /root/check/systemd-container.sh --inside
StandardOutput=file:/root/check/facts.txt
StandardError=file:/root/check/trace.txt
UNIT
  timeout 600 systemd-nspawn --quiet --register=no --keep-unit --directory="$root" --boot \
    -- systemd.unit=abusedesk-check.service >"$base/console.txt" 2>&1
  if [ ! -s "$root/root/check/facts.txt" ]; then
    echo "no container booted here:" >&2
    tail -20 "$base/console.txt" >&2
    exit 3
  fi
  cat "$root/root/check/facts.txt"
  exit 0
fi

# Inside the container, as its systemd's oneshot unit.
export DEBIAN_FRONTEND=noninteractive
fact() { printf '%s\t%s\n' "$1" "$2"; }
show() { systemctl show abusedesk -p "$1" --value; }
wait_until_active() {
  for _ in $(seq 120); do
    [ "$(systemctl is-active abusedesk)" = active ] && return 0
    sleep 0.5
  done
  return 1
}
http() {
  local method="$1" path="$2" body="${3:-}"
  exec 3<>/dev/tcp/127.0.0.1/8080 || return 1
  if [ -n "$body" ]; then
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' \
      "$method" "$path" "$(wc -c <"$body")" >&3
    cat "$body" >&3
  else
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n' "$method" "$path" >&3
  fi
  local status
  read -r _ status _ <&3
  exec 3<&-
  echo "$status"
}

dpkg -i /root/check/abusedesk.deb >/root/check/install.log 2>&1
fact install.exit "$?"
fact install.enabled "$(systemctl is-enabled abusedesk 2>&1)"
wait_until_active
fact install.active "$(systemctl is-active abusedesk)"
healthz=none
for _ in $(seq 240); do
  healthz="$(http GET /healthz 2>/dev/null)"
  [ "$healthz" = 200 ] && break
  sleep 0.5
done
fact serve.healthz "$healthz"
fact serve.intake "$(http POST /intake/eventbridge /root/check/event.json 2>/dev/null)"
alerted=no
for _ in $(seq 60); do
  if journalctl -u abusedesk --no-pager | grep -q 'Account: 111122223333'; then
    alerted=yes
    break
  fi
  sleep 0.5
done
fact serve.alerted "$alerted"
fact serve.journal "$(journalctl -u abusedesk --no-pager -o cat | grep -m1 'data in')"
fact serve.user "$(ps -o user= -p "$(show MainPID)")"
fact serve.database "$(stat -c '%U:%G %a' /var/lib/abusedesk/abusedesk.db 2>&1)"
fact serve.exposure "$(systemd-analyze security abusedesk 2>/dev/null | sed -n 's/.*Overall exposure level for abusedesk.service: \([0-9.]*\).*/\1/p')"

before="$(show MainPID)"
dpkg -i /root/check/abusedesk.deb >/root/check/upgrade.log 2>&1
fact upgrade.exit "$?"
wait_until_active
fact upgrade.active "$(systemctl is-active abusedesk)"
fact upgrade.restarted "$([ "$(show MainPID)" != "$before" ] && echo yes || echo no)"

systemctl stop abusedesk
fact stop.result "$(show Result)"
fact stop.status "$(show ExecMainStatus)"
systemctl start abusedesk
wait_until_active

dpkg -r abusedesk >/root/check/remove.log 2>&1
fact remove.exit "$?"
fact remove.active "$(systemctl is-active abusedesk 2>&1)"
fact remove.result "$(show Result)"
dpkg -P abusedesk >/root/check/purge.log 2>&1
fact purge.exit "$?"
fact purge.database "$(stat -c '%U:%G %a' /var/lib/abusedesk/abusedesk.db 2>&1)"
