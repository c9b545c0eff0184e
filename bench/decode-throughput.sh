#!/bin/sh
# Decode throughput of `swarmsnap verify` against sha256sum over the same WAL files, and peak heap.
#
#   bench/decode-throughput.sh [build|measure|all] [STATE_DIR]
#
# build:   a 1-manager lab swarm "bench"; ~1100 configs of 480 KB each (docs/swarm-state-format.md §4.8: each is one
#          raft entry, so the WAL grows by ~530 MB over 9 segments); the engine is stopped and the
#          swarm dir copied to STATE_DIR (default /var/tmp/swarmsnap-bench/swarm); the lab is removed.
# measure: in one invocation, sha256sum over the WAL segments, then `swarmsnap verify` and
#          `swarmsnap inspect --json` over STATE_DIR with -Xmx256m, each after a warm-up read so
#          both run from the page cache; prints MB/s, the ratio and the peak heap (GC log), and the
#          CPU seconds of each (GNU time), steadier than wall time when other jobs share the cores.
# Needs root, docker.io and the built jar (mvn -B -q -DskipTests package). Not a test: figures only.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-all}
state=${2:-/var/tmp/swarmsnap-bench/swarm}
configs=${BENCH_CONFIGS:-1100}
ss="$here/bin/swarmsnap"

build() {
  "$ss" lab down --name bench >/dev/null 2>&1 || true
  "$ss" lab up --name bench --managers 1 --workers 0 --empty
  eval "$("$ss" lab env --name bench m1)"
  work=$(mktemp -d)
  # 480 KB of incompressible data per config (configs are capped at 500 KB by swarmkit)
  head -c 491520 /dev/urandom >"$work/data"
  seq 1 "$configs" | xargs -P 4 -I{} sh -c \
    "timeout 60 docker config create bench-{} '$work/data' >/dev/null"
  echo "created $(docker config ls -q | wc -l) configs"
  "$ss" lab stop --name bench m1
  rm -rf "$state"
  mkdir -p "$(dirname "$state")"
  cp -a "$SWARMSNAP_SWARM_DIR" "$state"
  "$ss" lab down --name bench
  rm -rf "$work"
}

mbps() { # bytes seconds
  awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'
}

now() { date +%s.%N; }

# cputime FILE CMD...: runs CMD, writing its user and sys CPU seconds to FILE when GNU time is there
cputime() {
  out=$1; shift
  if [ -x /usr/bin/time ]; then /usr/bin/time -o "$out" -f '%U %S' "$@"; else "$@"; fi
}

measure() {
  # the launcher's class-data archive, as setup.sh leaves it (scripts/class-data.sh)
  jar="$here/swarmsnap/target/swarmsnap.jar"; jsa="$here/swarmsnap/target/swarmsnap.jsa"
  [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ] || "$here/scripts/class-data.sh" >/dev/null
  wal="$state/raft/wal-v3-encrypted"
  # real data of each segment: the preallocated zero tail is not WAL data (archive-format §4)
  bytes=$(find "$wal" -name '*.wal' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  segs=$(find "$wal" -name '*.wal' | wc -l)
  cat "$wal"/*.wal >/dev/null
  log=$(mktemp)
  t0=$(now); cputime "$log.cpu.sha" sha256sum "$wal"/*.wal >/dev/null; t1=$(now)
  sha=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  for cmd in verify inspect; do
    extra=""; [ "$cmd" = inspect ] && extra="--json"
    t0=$(now)
    SWARMSNAP_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -Xlog:gc:file=$log.$cmd" \
      cputime "$log.cpu.$cmd" "$ss" "$cmd" "$state" $extra >/dev/null
    t1=$(now)
    eval "t_$cmd=\$(awk -v a=$t0 -v b=$t1 'BEGIN { print b - a }')"
  done
  # peak heap: the largest "used before GC" in the GC log (the heap never holds more than that)
  peak() { grep -o '[0-9]*M->[0-9]*M' "$1" | sed 's/M->.*//' | sort -n | tail -1; }
  # CPU seconds (user + sys, all threads) say more than wall time on a busy shared machine
  cpu() { [ -s "$1" ] && awk '{ printf "%.2f", $1 + $2 }' "$1" || echo "?"; }
  echo "WAL: $segs segments, $(mbps "$bytes" 1) MB"
  echo "CPU seconds (user+sys): sha256sum $(cpu "$log.cpu.sha"), verify $(cpu "$log.cpu.verify"), inspect $(cpu "$log.cpu.inspect")"
  echo "sha256sum:          $(mbps "$bytes" "$sha") MB/s ($sha s)"
  echo "swarmsnap verify:   $(mbps "$bytes" "$t_verify") MB/s ($t_verify s, JVM start included), ratio $(awk -v a="$sha" -v b="$t_verify" 'BEGIN { printf "%.2f", a / b }'), peak heap $(peak "$log.verify") MB of -Xmx256m"
  echo "swarmsnap inspect:  $(mbps "$bytes" "$t_inspect") MB/s ($t_inspect s), ratio $(awk -v a="$sha" -v b="$t_inspect" 'BEGIN { printf "%.2f", a / b }'), peak heap $(peak "$log.inspect") MB of -Xmx256m"
  rm -f "$log" "$log".*
}

case "$mode" in
  build) build ;;
  measure) measure ;;
  all) build; measure ;;
  *) echo "usage: $0 [build|measure|all] [STATE_DIR]" >&2; exit 2 ;;
esac
