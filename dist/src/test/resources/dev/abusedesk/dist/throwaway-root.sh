#!/bin/bash
# Installs, runs, upgrades, removes and purges the .deb on a throwaway copy of this machine, and
# prints what it found, one "name<TAB>value" line each, for DebianInstallIT to check.
#
#   unshare --mount --net --pid --fork bash throwaway-root.sh DEB EVENT_JSON EMPTY_DIR
#
# Outside (in the new namespaces): this machine's root file system under an overlay whose changes
# go to a tmpfs, with fresh /run and /tmp (so no systemd is seen and none is talked to) and a
# network of its own (the service's ports are free). Inside (chroot, --inside): the steps.
set -u

fact() { printf '%s\t%s\n' "$1" "$2"; }

if [ "${1:-}" != --inside ]; then
  deb="$1"
  event="$2"
  base="$3"
  mount -t tmpfs tmpfs "$base" || exit 3
  mkdir -p "$base/upper" "$base/work" "$base/root"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/root" || exit 3
  mount -t proc proc "$base/root/proc"
  mount --rbind /dev "$base/root/dev"
  mount --rbind /sys "$base/root/sys"
  mount -t tmpfs tmpfs "$base/root/run"
  mount -t tmpfs tmpfs "$base/root/tmp"
  ip link set lo up || { echo "cannot bring up loopback in the new network namespace (ip from iproute2)" >&2; exit 4; }
  cp "$deb" "$base/root/tmp/abusedesk.deb"
  cp "$event" "$base/root/tmp/event.json"
  cp "$0" "$base/root/tmp/throwaway-root.sh"
  exec chroot "$base/root" /bin/bash /tmp/throwaway-root.sh --inside </dev/null
fi

export DEBIAN_FRONTEND=noninteractive
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
cd /
# man-db's trigger re-indexes every manual page after each dpkg run: seconds, for nothing here.
rm -f /var/lib/man-db/auto-update
SECONDS=0

stat_of() { stat -c '%U:%G %a' "$1" 2>/dev/null || echo absent; }
exists() { if [ -e "$1" ] || [ -L "$1" ]; then echo yes; else echo no; fi; }

# One HTTP/1.1 request to the service on loopback; prints the status code.
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

# Install.
dpkg -i /tmp/abusedesk.deb >/tmp/install.log 2>&1
fact install.exit "$?"
fact install.seconds "$SECONDS"
fact install.log "$(tr '\n' ' ' </tmp/install.log)"
fact user "$(getent passwd abusedesk)"
fact group "$(getent group abusedesk | cut -d: -f1)"
fact datadir "$(stat_of /var/lib/abusedesk)"
fact config "$(stat_of /etc/abusedesk/abusedesk.yaml)"
fact enabled "$(exists /etc/systemd/system/multi-user.target.wants/abusedesk.service)"
fact version "$(/usr/bin/abusedesk --version 2>&1)"
fact check-config "$(runuser -u abusedesk -- /usr/bin/abusedesk check-config /etc/abusedesk/abusedesk.yaml 2>&1 | head -1)"

# The service, as systemd starts it from the installed unit: its user and group, its environment
# and umask, from /, with the state directory it would pass; the JVM is the process (setpriv and
# the launcher exec), so SIGTERM reaches it as systemctl stop sends it.
unit=/usr/lib/systemd/system/abusedesk.service
key() { sed -n "s/^$1=//p" "$unit"; }
read -r -a exec_start <<<"$(key ExecStart)"
read -r -a environment <<<"$(key Environment)"
(
  umask "$(key UMask)"
  exec setpriv --reuid="$(key User)" --regid="$(key Group)" --init-groups \
    env -i PATH=/usr/bin:/bin HOME=/var/lib/abusedesk LANG=C.UTF-8 \
    STATE_DIRECTORY="/var/lib/$(key StateDirectory)" "${environment[@]}" "${exec_start[@]}"
) >/tmp/serve.out 2>/tmp/serve.err &
pid=$!
healthy=no
for _ in $(seq 240); do
  if [ "$(http GET /healthz 2>/dev/null)" = 200 ]; then
    healthy=yes
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
fact serve.healthy "$healthy"
fact serve.seconds "$SECONDS"
fact serve.intake "$(http POST /intake/eventbridge /tmp/event.json 2>/dev/null)"
alerted=no
for _ in $(seq 60); do
  if grep -q 111122223333 /tmp/serve.out; then
    alerted=yes
    break
  fi
  sleep 0.5
done
fact serve.alerted "$alerted"
fact serve.alerted-seconds "$SECONDS"
kill -TERM "$pid" 2>/dev/null
wait "$pid"
fact serve.exit "$?"
fact unit.success "$(key SuccessExitStatus)"
fact serve.stopped-seconds "$SECONDS"
fact serve.stderr "$(tr '\n' ' ' </tmp/serve.err | cut -c1-2000)"
fact serve.database "$(stat_of /var/lib/abusedesk/abusedesk.db)"
fact serve.spool "$(stat_of /var/lib/abusedesk/spool)"
fact serve.root-data "$(exists /data)"

# Upgrade to a later version of the same package, the administrator's changes in place.
runuser -u abusedesk -- sh -c 'echo kept >/var/lib/abusedesk/marker'
echo '# changed by the administrator' >>/etc/abusedesk/abusedesk.yaml
dpkg-deb -R /tmp/abusedesk.deb /tmp/next
sed -i 's/^Version: .*/&+next/' /tmp/next/DEBIAN/control
dpkg-deb -Znone -b /tmp/next /tmp/abusedesk-next.deb >/dev/null
dpkg -i /tmp/abusedesk-next.deb >/tmp/upgrade.log 2>&1
fact upgrade.exit "$?"
fact upgrade.seconds "$SECONDS"
fact upgrade.log "$(tr '\n' ' ' </tmp/upgrade.log)"
fact upgrade.version "$(dpkg-query -W -f '${Version}' abusedesk)"
fact upgrade.marker "$(cat /var/lib/abusedesk/marker 2>&1)"
fact upgrade.database "$(stat_of /var/lib/abusedesk/abusedesk.db)"
fact upgrade.datadir "$(stat_of /var/lib/abusedesk)"
fact upgrade.config "$(tail -1 /etc/abusedesk/abusedesk.yaml)"
fact upgrade.config-mode "$(stat_of /etc/abusedesk/abusedesk.yaml)"

# Remove, then purge.
dpkg -r abusedesk >/tmp/remove.log 2>&1
fact remove.exit "$?"
fact remove.launcher "$(exists /usr/bin/abusedesk)"
fact remove.config "$(exists /etc/abusedesk/abusedesk.yaml)"
fact remove.marker "$(cat /var/lib/abusedesk/marker 2>&1)"
fact remove.database "$(stat_of /var/lib/abusedesk/abusedesk.db)"

dpkg -P abusedesk >/tmp/purge.log 2>&1
fact purge.exit "$?"
fact purge.log "$(tr '\n' ' ' </tmp/purge.log)"
fact purge.config "$(exists /etc/abusedesk/abusedesk.yaml)"
fact purge.statoverride "$(dpkg-statoverride --list /etc/abusedesk/abusedesk.yaml || true)"
fact purge.marker "$(cat /var/lib/abusedesk/marker 2>&1)"
fact purge.database "$(stat_of /var/lib/abusedesk/abusedesk.db)"
fact purge.datadir "$(stat_of /var/lib/abusedesk)"
fact purge.user "$(getent passwd abusedesk | cut -d: -f1)"
fact seconds "$SECONDS"
