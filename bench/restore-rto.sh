#!/usr/bin/env bash
# Benchmark: recovery time objective of `swarmsnap restore` against Docker's manual procedure
# (stop; move the swarm dir aside; extract a tar.gz; start; swarm init --force-new-cluster), side by
# side on the same lab node holding MB megabytes of configs and SERVICES services. Each time runs
# from the first command until the API lists every service and config again.
# With BENCH_MANAGERS=3 the backup is of a follower of 3 managers and every round starts from a total
# loss (the other managers stay stopped); BENCH_DOCKERD=PATH runs another engine (scripts/engines.sh).
# Also measured, as the baseline the goal is stated against: the engine's own start-to-leader time
# (a plain restart of the restored one-manager node).
# Prints figures; asserts nothing. Needs root and a build (scripts/setup.sh).
#   usage: [BENCH_MANAGERS=3] [BENCH_DOCKERD=PATH] bench/restore-rto.sh [MEGABYTES_OF_CONFIGS (default 100)] [ROUNDS (default 2)] [SERVICES (default 20)]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
MB=${1:-100}
ROUNDS=${2:-2}
SERVICES=${3:-20}
LAB=bench-rto
source bench/lib.sh
bench_lab_up
PARENT=$(dirname "$SWARMSNAP_SWARM_DIR")
ADDR=$($DOCKER info --format '{{.Swarm.NodeAddr}}')

echo "==> filling the swarm with ${MB} MB of configs (500 kB each, random) and ${SERVICES} services"
configs=$((MB * 2))
bench_fill_configs "$MB"
for i in $(seq 1 "$SERVICES"); do
  $DOCKER service create --detach --no-resolve-image --name "bench_svc_$i" --replicas 0 busybox:bench >/dev/null
done
real=$(bench_real_bytes)
echo "    real raft data: $((real / 1000000)) MB in $SWARMSNAP_SWARM_DIR"

# The API answers with every object: all services and all configs listed.
wait_objects() {
  until [ "$($DOCKER service ls -q 2>/dev/null | wc -l)" -eq "$SERVICES" ] \
      && [ "$($DOCKER config ls -q 2>/dev/null | wc -l)" -eq "$configs" ]; do sleep 0.05; done
}
stop_engine() { local pid; pid=$(cat "$SWARMSNAP_PIDFILE"); kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done; }

echo "==> the two backups: swarmsnap's archive, and a tar.gz of the stopped swarm dir"
swarmsnap backup --accept-outage --output "$OUT/backup.swarmsnap" --json >/dev/null 2>"$OUT/backup.err" \
  || { cat "$OUT/backup.err" >&2; exit 1; }
wait_api
stop_engine
tar -czf "$OUT/backup.tgz" -C "$PARENT" swarm
"$SWARMSNAP_START_CMD" >/dev/null; wait_api; wait_objects
echo "    engine: $($DOCKER version --format '{{.Server.Version}}')"
if [ "${BENCH_MANAGERS:-1}" -gt 1 ]; then
  echo "==> total loss: the other managers stop for good"
  for n in $(seq 1 $((BENCH_MANAGERS - 1))); do swarmsnap lab stop --name "$LAB" "m$n" >/dev/null; done
fi

# The engine's own start-to-leader time on the restored node: stop, start, until it leads.
engine_lead() {
  local t0 t1
  stop_engine; t0=$(now)
  "$SWARMSNAP_START_CMD" >/dev/null; wait_api
  until [ "$($DOCKER node inspect self --format '{{.ManagerStatus.Leader}}' 2>/dev/null)" = true ]; do sleep 0.05; done
  t1=$(now)
  echo "engine-own $1 - - $(secs "$t0" "$t1") - - $(secs "$t0" "$t1")"
}

manual() {
  local t0 t1 t2 t3 t4 t5
  t0=$(now); stop_engine; t1=$(now)
  mv "$SWARMSNAP_SWARM_DIR" "$PARENT/swarm.manual-$1"
  tar -xzf "$OUT/backup.tgz" -C "$PARENT"; t2=$(now)
  "$SWARMSNAP_START_CMD" >/dev/null; wait_api; t3=$(now)
  $DOCKER swarm init --force-new-cluster --advertise-addr "$ADDR" >/dev/null; t4=$(now)
  wait_objects; t5=$(now)
  echo "manual $1 $(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t2" "$t3") $(secs "$t3" "$t4") $(secs "$t4" "$t5") $(secs "$t0" "$t5")"
}

tool() {
  local t0 t1 t2
  t0=$(now)
  if ! swarmsnap restore "$OUT/backup.swarmsnap" --yes --json >"$OUT/tool-$1.json" 2>"$OUT/tool-$1.err"; then
    cat "$OUT/tool-$1.err" >&2; exit 1
  fi
  t1=$(now)
  wait_objects; t2=$(now)
  python3 - "$OUT/tool-$1.json" "$1" "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" "$(secs "$t0" "$t2")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
import re
led = next((int(m.group(1)) for s in r["stepsDone"] for m in [re.search(r"led (\d+) ms after the engine start", s)] if m), None)
print("swarmsnap", sys.argv[2], "-", "-", "-" if led is None else f"{led/1000:.2f}", f'{r["downtimeMillis"]/1000:.2f}', sys.argv[4], sys.argv[5])
PY
}

echo "==> $ROUNDS rounds, alternating (same node, same backup)"
results=()
for round in $(seq 1 "$ROUNDS"); do
  results+=("$(manual "$round")")
  results+=("$(tool "$round")")
  results+=("$(engine_lead "$round")")
done

printf '\n%-10s %5s %7s %10s %8s %10s %10s %7s\n' method round stop_s extract_s start_s force_s objects_s rto_s
for line in "${results[@]}"; do
  read -r m r stop extract start force objects total <<<"$line"
  printf '%-10s %5s %7s %10s %8s %10s %10s %7s\n' "$m" "$r" "$stop" "$extract" "$start" "$force" "$objects" "$total"
done
echo "(swarmsnap: start_s is engine start to leader as the restore reports it, force_s the engine downtime, stop to leader; its checks run before the stop. engine-own: a plain restart of the restored node until it leads)"
python3 - "$real" "${results[@]}" <<'PY'
import sys
real = int(sys.argv[1]); rows = [l.split() for l in sys.argv[2:]]
def avg(method, col):
    v = [float(r[col]) for r in rows if r[0] == method]; return sum(v) / len(v)
m, t = avg("manual", 7), avg("swarmsnap", 7)
print(f"\nreal data {real/1e6:.0f} MB; mean RTO (command start to API listing every object): "
      f"manual {m:.2f} s, swarmsnap restore {t:.2f} s (ratio {t/m:.2f})")
PY
