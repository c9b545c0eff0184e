#!/usr/bin/env bash
# Benchmark: engine downtime and total time of `swarmsnap backup` against Docker's manual procedure
# (stop; tar -czf; start), side by side on the same lab node holding >= 100 MB of real raft data.
# Prints figures; asserts nothing. Needs root and a build (scripts/setup.sh).
#   usage: bench/backup-downtime.sh [MEGABYTES_OF_CONFIGS (default 100)] [ROUNDS (default 2)]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
MB=${1:-100}
ROUNDS=${2:-2}
LAB=bench-bk
source bench/lib.sh
bench_lab_up

echo "==> filling the swarm with ${MB} MB of configs (500 kB each, random: barely compressible)"
bench_fill_configs "$MB"
real=$(bench_real_bytes)
echo "    real raft data: $((real / 1000000)) MB in $SWARMSNAP_SWARM_DIR"

manual() {
  local t0 t1 t2 t3 pid
  pid=$(cat "$SWARMSNAP_PIDFILE")
  t0=$(now); kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done; t1=$(now)
  tar -czf "$OUT/manual-$1.tgz" -C "$(dirname "$SWARMSNAP_SWARM_DIR")" swarm; t2=$(now)
  "$SWARMSNAP_START_CMD" >/dev/null; wait_api; t3=$(now)
  echo "manual $1 $(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t2" "$t3") $(secs "$t0" "$t3") $(secs "$t0" "$t3") $(stat -c %s "$OUT/manual-$1.tgz")"
}

tool() {
  local t0 t1 json
  t0=$(now)
  if ! json=$(swarmsnap backup --accept-outage --output "$OUT/tool-$1.swarmsnap" --json 2>"$OUT/tool-$1.err"); then
    cat "$OUT/tool-$1.err" >&2; exit 1
  fi
  t1=$(now)
  python3 - "$json" "$1" "$(secs "$t0" "$t1")" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); o = r["outage"]
print("swarmsnap", sys.argv[2], f'{o["stopMillis"]/1000:.2f}', f'{o["copyMillis"]/1000:.2f}',
      f'{o["startMillis"]/1000:.2f}', f'{r["downtimeMillis"]/1000:.2f}', sys.argv[3], r["archiveBytes"])
PY
}

echo "==> $ROUNDS rounds, alternating (same node, same state)"
results=()
for round in $(seq 1 "$ROUNDS"); do
  results+=("$(manual "$round")")
  wait_api
  results+=("$(tool "$round")")
done

printf '\n%-10s %5s %8s %10s %9s %10s %9s %12s\n' method round stop_s copy_s start_s downtime_s total_s archive_MB
for line in "${results[@]}"; do
  read -r m r stop copy start down total size <<<"$line"
  printf '%-10s %5s %8s %10s %9s %10s %9s %12.1f\n' "$m" "$r" "$stop" "$copy" "$start" "$down" "$total" "$(python3 -c "print($size/1e6)")"
done
python3 - "$real" "${results[@]}" <<'PY'
import sys
real = int(sys.argv[1]); rows = [l.split() for l in sys.argv[2:]]
def avg(method, col): 
    v = [float(r[col]) for r in rows if r[0] == method]; return sum(v) / len(v)
m_down, t_down = avg("manual", 5), avg("swarmsnap", 5)
t_budget = avg("swarmsnap", 2) + avg("swarmsnap", 4) + real / 1e9
print(f"\nreal data {real/1e6:.0f} MB; mean downtime: manual {m_down:.2f} s, swarmsnap {t_down:.2f} s "
      f"(ratio {t_down/m_down:.2f}); goal stop+start+1 s/GB = {t_budget:.2f} s: "
      f"{'met' if t_down <= t_budget else 'NOT met'}")
PY
