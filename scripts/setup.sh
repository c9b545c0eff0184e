#!/usr/bin/env bash
# Installs what swarmsnap's build, demo and tests need, then builds the jar. Idempotent: a second
# run installs nothing and only rebuilds. Needs root (apt-get, network namespaces, dockerd).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "swarmsnap setup: this needs root (it installs packages and runs dockerd in network namespaces)" >&2
  echo "hint: sudo $0" >&2
  exit 6
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v age >/dev/null 2>&1 || missing+=(age)
command -v nsenter >/dev/null 2>&1 || missing+=(util-linux)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# The tests parse --metrics-file with Prometheus' own text-format parser (the Python client's).
/usr/bin/python3 -c 'import prometheus_client.parser' >/dev/null 2>&1 || missing+=(python3-prometheus-client)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # RUNLEVEL=1 keeps the packages' init scripts from starting a system dockerd: the lab runs its own.
  RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The newer engines the tests also run on, unpacked into a cache (never installed); offline, the
# tests run on the system engine only.
echo "==> engines for the tests (scripts/engines.sh)"
scripts/engines.sh | sed 's/^/    /'

echo "==> building swarmsnap"
mvn -B -q -DskipTests package
scripts/class-data.sh
echo "==> ready: $(bin/swarmsnap --version | head -1), $(dockerd --version)"
