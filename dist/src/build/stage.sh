#!/bin/sh
# Lays out the two packages' trees from the built jar and the repository's files, for the build
# (dist/pom.xml) to pack: OUT/deb/ into the .deb (jdeb), OUT/tar/abusedesk-VERSION/ into the
# tarball (maven-assembly-plugin). Called as: stage.sh VERSION ROOT OUT MAINTAINER.
#
# The .deb's documentation is compressed as Debian wants it (gzip -9n); its changelog is a Debian
# changelog with this build's version, pointing to CHANGELOG.md for what changed.
set -eu
version="$1"
root="$2"
out="$3"
maintainer="$4"

# jdeb's conversion of the Maven version for Debian: 1.2.0-SNAPSHOT sorts before 1.2.0 as
# 1.2.0~SNAPSHOT, and so does 1.2.0-rc1 as 1.2.0~rc1. A test compares it with the package's.
debversion="$(printf '%s' "$version" | sed -E 's/[-+]SNAPSHOT$/~SNAPSHOT/; s/-((alpha|beta|rc|milestone|m)[.0-9]*)$/~\1/; s/-/+/g')"
jar="$root/app/target/abusedesk.jar"
package="$root/dist/src/main/package"
[ -f "$jar" ] || { echo "stage.sh: $jar is missing (build app first)" >&2; exit 1; }

rm -rf "$out/deb" "$out/tar"

# The .deb: Debian's paths.
deb="$out/deb"
mkdir -p "$deb/usr/share/abusedesk/bin" "$deb/usr/share/abusedesk/lib" "$deb/etc/abusedesk" \
  "$deb/usr/lib/systemd/system" "$deb/usr/share/man/man1" "$deb/usr/share/doc/abusedesk/docs/deployment"
cp "$root/abusedesk" "$deb/usr/share/abusedesk/bin/abusedesk"
cp "$jar" "$deb/usr/share/abusedesk/lib/abusedesk.jar"
cp "$package/abusedesk.yaml" "$deb/etc/abusedesk/abusedesk.yaml"
sed 's|@launcher@|/usr/bin/abusedesk|' "$package/abusedesk.service" >"$deb/usr/lib/systemd/system/abusedesk.service"
gzip -9n <"$package/abusedesk.1" >"$deb/usr/share/man/man1/abusedesk.1.gz"
doc="$deb/usr/share/doc/abusedesk"
cp "$root/dist/src/deb/copyright" "$doc/copyright"
cp "$root/README.md" "$doc/README.md"
gzip -9n <"$root/CHANGELOG.md" >"$doc/CHANGELOG.md.gz"
for f in configuration.md receivers.md dashboard.md upgrading.md abusedesk.example.yaml accounts.example.csv; do
  cp "$root/docs/$f" "$doc/docs/$f"
done
cp "$root/docs/deployment/"*.md "$doc/docs/deployment/"
mkdir -p "$deb/usr/share/lintian/overrides"
cp "$root/dist/src/deb/lintian-overrides" "$deb/usr/share/lintian/overrides/abusedesk"
date="$(date -u -R ${SOURCE_DATE_EPOCH:+-d "@$SOURCE_DATE_EPOCH"})"
{
  printf 'abusedesk (%s) unstable; urgency=medium\n\n' "$debversion"
  printf '  * Abuse Desk %s. What changed, release by release:\n' "$version"
  printf '    /usr/share/doc/abusedesk/CHANGELOG.md.gz\n\n'
  printf ' -- %s  %s\n' "$maintainer" "$date"
} | gzip -9n >"$doc/changelog.gz"

# The tarball: one directory to unpack anywhere (/opt/abusedesk in the unit it carries).
tar="$out/tar/abusedesk-$version"
mkdir -p "$tar/bin" "$tar/lib" "$tar/etc" "$tar/systemd" "$tar/man" "$tar/docs/deployment"
cp "$root/abusedesk" "$tar/bin/abusedesk"
cp "$jar" "$tar/lib/abusedesk.jar"
cp "$package/abusedesk.yaml" "$tar/etc/abusedesk.yaml"
sed 's|@launcher@|/opt/abusedesk/bin/abusedesk|' "$package/abusedesk.service" >"$tar/systemd/abusedesk.service"
cp "$package/abusedesk.1" "$tar/man/abusedesk.1"
cp "$root/LICENSE" "$root/CHANGELOG.md" "$root/README.md" "$tar/"
cp "$doc/docs/"*.md "$doc/docs/"*.yaml "$doc/docs/"*.csv "$tar/docs/"
cp "$doc/docs/deployment/"*.md "$tar/docs/deployment/"
