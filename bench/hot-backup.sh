#!/usr/bin/env bash
# Benchmark: `swarmsnap backup --hot` against the cold `backup --accept-outage`, side by side on the
# same one-manager lab node holding ~100 MB of real raft data (the backup-downtime state): engine
# downtime, total time, archive size, and the engine API's response times (GET /swarm every 50 ms)
# while each backup runs, against the idle API measured right before it; the hot backup runs at its
# default `--priority low` (nice 19, best-effort I/O 7) and also once at `--priority normal` (how much
# of the API's slowdown is CPU taken by swarmsnap's compression and checks on a small machine).
# Then the first hot archive twice: `swarmsnap drill` (a sandbox restore with its comparison) against
# the manual restore of the same archive on the node (stop; move the swarm dir aside; extract the
# archive's swarm/ with tar; sizes back to the manifest's original lengths; start; swarm init
# --force-new-cluster; until the API lists every config), as bench/restore-rto.sh does it.
# Prints figures and ratios; asserts nothing. Needs root and a build (scripts/setup.sh).
#   usage: bench/hot-backup.sh [MEGABYTES_OF_CONFIGS (default 100)] [ROUNDS (default 2)] [IDLE_SECONDS (default 10)]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
MB=${1:-100}
ROUNDS=${2:-2}
IDLE=${3:-10}
LAB=bench-hot
source bench/lib.sh
bench_lab_up
SOCKET=${DOCKER_HOST#unix://}
PARENT=$(dirname "$SWARMSNAP_SWARM_DIR")
ADDR=$($DOCKER info --format '{{.Swarm.NodeAddr}}')

echo "==> filling the swarm with ${MB} MB of configs (500 kB each, random: barely compressible)"
bench_fill_configs "$MB"
real=$(bench_real_bytes)
echo "    real raft data: $((real / 1000000)) MB in $SWARMSNAP_SWARM_DIR"

# Polls the API into $OUT/$1.polls while the rest of the line runs; prints the poll summary.
polled() {
  local name=$1 poller rc=0; shift
  python3 bench/api-poll.py poll "$SOCKET" "$OUT/$name.polls" & poller=$!
  "$@" || rc=$?
  kill -TERM "$poller"; wait "$poller" || true
  [ "$rc" = 0 ] || return "$rc"
  python3 bench/api-poll.py summary "$OUT/$name.polls"
}

idle() { polled "idle-$1" sleep "$IDLE"; }

# mode round -> "mode round downtime_s total_s archive_bytes"
backup() {
  local mode=$1 round=$2 t0 t1 flags
  flags=$([ "$mode" = cold ] && echo --accept-outage || echo --hot)
  [ "$mode" = hotnormal ] && flags="--hot --priority normal"
  t0=$(now)
  if ! bin/swarmsnap backup $flags --output "$OUT/$mode-$round.swarmsnap" --json >"$OUT/$mode-$round.json" 2>"$OUT/$mode-$round.err"; then
    cat "$OUT/$mode-$round.err" >&2; return 1
  fi
  t1=$(now)
  python3 - "$OUT/$mode-$round.json" "$(secs "$t0" "$t1")" <<'PY' >"$OUT/$mode-$round.row"
import json, sys
r = json.load(open(sys.argv[1]))
print(f'{r.get("downtimeMillis", 0) / 1000:.2f}', sys.argv[2], r["archiveBytes"])
PY
}

echo "==> $ROUNDS rounds: idle API ${IDLE} s before each of: hot backup (default: --priority low), hot backup at --priority normal, cold backup (same node, same state)"
rows=()
for round in $(seq 1 "$ROUNDS"); do
  for mode in hot hotnormal cold; do
    base=$(idle "$mode-$round")
    during=$(polled "$mode-$round" backup "$mode" "$round")
    wait_api
    rows+=("$mode $round $(cat "$OUT/$mode-$round.row") $during $base")
  done
done

# `swarmsnap drill` of the first hot archive: wall time, and the drill's own RTO and total.
drill_row() {
  local t0 t1
  t0=$(now)
  # exit 4 (objects differ) still prints its report; the figures say "failed"
  bin/swarmsnap drill "$OUT/hot-1.swarmsnap" --json >"$OUT/drill.json" 2>"$OUT/drill.err" || tail -n 5 "$OUT/drill.err" >&2
  t1=$(now)
  python3 - "$OUT/drill.json" "$(secs "$t0" "$t1")" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
    print(sys.argv[2], f'{r["rto_seconds"]:.2f}', r["result"])
except (ValueError, KeyError):
    print(sys.argv[2], "-", "failed")
PY
}

stop_engine() { local pid; pid=$(cat "$SWARMSNAP_PIDFILE"); kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done; }
configs=$((MB * 2))
wait_configs() { until [ "$($DOCKER config ls -q 2>/dev/null | wc -l)" -eq "$configs" ]; do sleep 0.05; done; }

# The manual restore of the same archive on this node, from the stop until every config is listed.
manual_row() {
  local t0 t1
  t0=$(now); stop_engine
  mv "$SWARMSNAP_SWARM_DIR" "$PARENT/swarm.manual"
  tar --zstd -xf "$OUT/hot-1.swarmsnap" -C "$PARENT" swarm manifest.json
  # the archive stores only the real data of each WAL segment; etcd preallocated them
  python3 - "$PARENT" <<'PY'
import json, os, sys
parent = sys.argv[1]
for f in json.load(open(os.path.join(parent, "manifest.json")))["files"]:
    if f["kind"] == "file" and f["original_length"] > f["stored_length"]:
        os.truncate(os.path.join(parent, f["path"]), f["original_length"])
os.remove(os.path.join(parent, "manifest.json"))
PY
  "$SWARMSNAP_START_CMD" >/dev/null; wait_api
  $DOCKER swarm init --force-new-cluster --advertise-addr "$ADDR" >/dev/null
  wait_configs; t1=$(now)
  echo "$(secs "$t0" "$t1")"
}

echo "==> the first hot archive: swarmsnap drill, then a manual restore of it on this node"
drill=$(drill_row)
manual=$(manual_row)

python3 - "$real" "$drill $manual" "${rows[@]}" <<'PY'
import sys
real = int(sys.argv[1])
drill_s, drill_rto, drill_result, manual_s = sys.argv[2].split()
sys.argv[2:3] = []
# mode round downtime total bytes | polls failed worst p99 longest_wait | idle: the same
rows = [l.split() for l in sys.argv[2:]]
print(f"\n{'mode':7} {'round':>5} {'downtime_s':>10} {'longest_wait_s':>14} {'total_s':>8} {'archive_MB':>10} "
      f"{'polls':>6} {'failed':>6} {'worst_ms':>9} {'p99_ms':>7} {'idle_p99_ms':>11} {'idle_worst_ms':>13}")
for r in rows:
    print(f"{r[0]:7} {r[1]:>5} {r[2]:>10} {r[9]:>14} {r[3]:>8} {int(r[4]) / 1e6:>10.1f} {r[5]:>6} {r[6]:>6} "
          f"{r[7]:>9} {r[8]:>7} {r[13]:>11} {r[12]:>13}")
def mean(mode, col):
    v = [float(r[col]) for r in rows if r[0] == mode]
    return sum(v) / len(v)
hot_p99, idle_p99 = mean("hot", 8), mean("hot", 13)
print(f"\nreal data {real / 1e6:.0f} MB; means over {len(rows) // 3} round(s):")
print(f"  engine downtime: hot {mean('hot', 2):.2f} s ({sum(int(r[6]) for r in rows if r[0] == 'hot')} failed polls, "
      f"longest wait for an answer {mean('hot', 9):.2f} s), cold {mean('cold', 2):.2f} s "
      f"({sum(int(r[6]) for r in rows if r[0] == 'cold')} failed polls, longest wait {mean('cold', 9):.2f} s)")
print(f"  total time: hot {mean('hot', 3):.2f} s, cold {mean('cold', 3):.2f} s: ratio hot/cold "
      f"{mean('hot', 3) / mean('cold', 3):.2f}")
print(f"  archive size: hot {mean('hot', 4) / 1e6:.1f} MB, cold {mean('cold', 4) / 1e6:.1f} MB: ratio "
      f"{mean('hot', 4) / mean('cold', 4):.2f}")
print(f"  API during the hot backup: worst {mean('hot', 7):.1f} ms, p99 {hot_p99:.1f} ms against idle p99 "
      f"{idle_p99:.1f} ms: ratio {hot_p99 / idle_p99:.2f} (goal under 2.00: "
      f"{'met' if hot_p99 < 2 * idle_p99 else 'NOT met'}); during the cold one: worst {mean('cold', 7):.1f} ms, "
      f"p99 {mean('cold', 8):.1f} ms of the answered polls")
normal_p99, normal_idle = mean("hotnormal", 8), mean("hotnormal", 13)
print(f"  API during the hot backup at --priority normal: worst {mean('hotnormal', 7):.1f} ms, p99 {normal_p99:.1f} ms "
      f"against idle p99 {normal_idle:.1f} ms: ratio {normal_p99 / normal_idle:.2f}; total time {mean('hotnormal', 3):.2f} s")
print(f"  drill of the first hot archive: {drill_s} s in all ({drill_result}, its RTO {drill_rto} s); manual restore "
      f"of the same archive on the node: {manual_s} s: ratio drill/manual {float(drill_s) / float(manual_s):.2f}")
PY
