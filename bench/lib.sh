# Shared by the lab benchmarks (sourced, not run): a one-manager lab swarm of its own, filled with
# random configs, and timing helpers. The caller sets LAB before sourcing and runs from the repo root.
#   bench_lab_up                      starts lab $LAB and exports its environment (DOCKER_HOST, ...)
#   bench_fill_configs MB             MB megabytes of 500 kB configs (random base64: barely compressible)
#   bench_real_bytes                  real raft data of the node, in bytes
OUT=$(mktemp -d /var/tmp/swarmsnap-bench.XXXXXX)
DOCKER="timeout 60 docker"
swarmsnap() { bin/swarmsnap "$@"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }
bench_cleanup() { swarmsnap lab down --name "$LAB" >/dev/null 2>&1 || true; rm -rf "$OUT"; }
trap bench_cleanup EXIT

# BENCH_MANAGERS (default 1) managers; BENCH_DOCKERD names another engine binary (scripts/engines.sh).
# The environment exported is the last manager's: a follower when there are several.
bench_lab_up() {
  local managers=${BENCH_MANAGERS:-1}
  swarmsnap lab down --name "$LAB" >/dev/null 2>&1 || true
  swarmsnap lab up --name "$LAB" --managers "$managers" --workers 0 --empty \
    ${BENCH_DOCKERD:+--dockerd "$BENCH_DOCKERD"} >/dev/null
  eval "$(swarmsnap lab env --name "$LAB" "m$managers")"
}

bench_fill_configs() {
  local i
  for i in $(seq 1 $(($1 * 2))); do
    head -c 375000 /dev/urandom | base64 -w0 | $DOCKER config create "bench_cfg_$i" - >/dev/null
  done
}

bench_real_bytes() {
  swarmsnap status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["swarmDirectory"]["realDataBytes"])'
}

# The engine's API answers again.
wait_api() { until $DOCKER version --format '{{.Server.Version}}' >/dev/null 2>&1; do sleep 0.05; done; }
