#!/bin/sh
# Writes what `abusedesk --version` prints: the Maven version and the commit the jar is built from.
# The build (app/pom.xml) calls it as: build-info.sh VERSION SOURCE_ROOT OUTPUT_FILE.
# It never fails the build: without a git checkout (a source archive) or without git, the commit is
# "unknown". A checkout with uncommitted changes to tracked files gets "-dirty" after the commit.
set -u
version="$1"
root="$2"
out="$3"

commit=unknown
if [ -e "$root/.git" ] && command -v git >/dev/null 2>&1; then
  if head="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null)"; then
    commit="$head"
    # --no-optional-locks: never take the index lock another git command in this checkout may hold.
    if [ -n "$(git --no-optional-locks -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
      commit="$commit-dirty"
    fi
  fi
fi

mkdir -p "$(dirname "$out")"
printf 'version=%s\ncommit=%s\n' "$version" "$commit" >"$out"
