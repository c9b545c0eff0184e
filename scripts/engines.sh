#!/usr/bin/env bash
# Provides the Docker engines the tests run against, one line per engine on stdout:
#   <version> <absolute path of its dockerd>
# the system engine first (bookworm's docker.io, installed by scripts/setup.sh), then the newer
# engines Debian ships in trixie (26.1) and sid (28.x). Those are fetched with a private apt
# configuration and unpacked into /var/cache/swarmsnap/engines/<version>/: nothing is installed
# system-wide and the host's own engine is never touched. Idempotent: an engine already unpacked is
# not fetched again (--refresh asks the mirror for newer packages). Offline, an engine that cannot be
# fetched is reported on stderr and left out; the script fails only without a system dockerd.
# Why these binaries run on bookworm, and how the lab starts them: docs/architecture.md ("Engines").
set -euo pipefail

CACHE=${SWARMSNAP_ENGINE_CACHE:-/var/cache/swarmsnap/engines}
SUITES=(trixie sid)
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
REFRESH=false
case "${1:-}" in
  --refresh) REFRESH=true ;;
  "") ;;
  *) echo "usage: $0 [--refresh]" >&2; exit 2 ;;
esac

warn() { echo "swarmsnap engines: $*" >&2; }

# 20.10.24+dfsg1 from "Docker version 20.10.24+dfsg1, build 5d6db84": the upstream part only.
engine_version() {
  "$1" --version 2>/dev/null | sed -n 's/^Docker version \([0-9][0-9.]*\).*/\1/p'
}

# The Debian mirror the host's apt already uses for its main archive (not the security one).
debian_mirror() {
  local files=() f uri
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  if [ "${#files[@]}" -gt 0 ]; then
    uri=$(awk '
      /^[[:space:]]*deb[[:space:]]/ && $0 !~ /security/ {
        for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }
      /^URIs:/ && $0 !~ /security/ { print $2 }' "${files[@]}" | grep -m1 -i debian || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

# The unpacked engine of a suite, if one is cached: its dockerd path.
cached_dockerd() {
  local marker
  for marker in "$CACHE"/*/.suite; do
    [ -f "$marker" ] || continue
    if [ "$(cat "$marker")" = "$1" ] && [ -x "$(dirname "$marker")/usr/sbin/dockerd" ]; then
      echo "$(dirname "$marker")/usr/sbin/dockerd"
    fi
  done | sort -V | tail -n 1
}

# Downloads docker.io of one suite with a private sources list and lists dir, unpacks it into a
# temporary folder, checks the binary runs here, then renames the folder into place.
fetch_suite() {
  local suite=$1 mirror=$2 work="$CACHE/.apt/$suite" tmp version
  mkdir -p "$work/parts" "$work/lists/partial" "$work/download"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
    "$mirror" "$suite" "$KEYRING" >"$work/parts/$suite.sources"
  # apt downloads as _apt when it can; let it write there.
  id _apt >/dev/null 2>&1 && chown -R _apt "$work/lists" "$work/download"
  local apt=(apt-get -q -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/parts"
    -o "Dir::State::Lists=$work/lists" -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
    -o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30 -o Acquire::Retries=1)
  if ! "${apt[@]}" update >"$work/update.log" 2>&1 || grep -q '^\(Err\|W: Failed\)' "$work/update.log"; then
    warn "cannot read the $suite package list from $mirror (offline or refused; see $work/update.log)"
    return 1
  fi
  rm -f "$work/download"/*.deb
  if ! (cd "$work/download" && "${apt[@]}" download docker.io >"$work/download.log" 2>&1); then
    warn "cannot download docker.io from $suite (see $work/download.log)"
    return 1
  fi
  tmp=$(mktemp -d "$CACHE/.unpack.XXXXXX")
  dpkg-deb -x "$work"/download/docker.io_*.deb "$tmp"
  version=$(engine_version "$tmp/usr/sbin/dockerd")
  if [ -z "$version" ]; then
    warn "the dockerd of $suite's docker.io does not run on this host; left out"
    rm -rf "$tmp"
    return 1
  fi
  # usr/bin/docker-init links to tini-static of Debian's tini package, which is not fetched: the
  # link dangles, and dockerd, looking it up on PATH, takes the host's docker-init after it.
  echo "$suite" >"$tmp/.suite"
  chmod 755 "$tmp"
  if [ -e "$CACHE/$version" ]; then
    # Same version already there (under another suite): keep it, add nothing.
    rm -rf "$tmp"
  else
    mv "$tmp" "$CACHE/$version"
  fi
  # Only the unpacked engine is kept: the package lists and the .deb are re-fetched on --refresh.
  rm -rf "$work"
  echo "$CACHE/$version/usr/sbin/dockerd"
}

system=$(command -v dockerd || true)
if [ -z "$system" ]; then
  warn "no dockerd on PATH: install bookworm's docker.io first (scripts/setup.sh does)"
  exit 6
fi
echo "$(engine_version "$system") $(readlink -f "$system")"

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -w 600 9 || { warn "another scripts/engines.sh holds $CACHE/.lock"; exit 1; }
mirror=""
for suite in "${SUITES[@]}"; do
  dockerd=$(cached_dockerd "$suite")
  if [ -z "$dockerd" ] || $REFRESH; then
    [ -n "$mirror" ] || mirror=$(debian_mirror)
    fetched=$(fetch_suite "$suite" "$mirror") && dockerd=$fetched
  fi
  if [ -n "$dockerd" ]; then
    echo "$(engine_version "$dockerd") $dockerd"
  fi
done
