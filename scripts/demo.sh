#!/usr/bin/env bash
# The main job, as a demo on a sandbox swarm of real engines: a 3-manager + 1-worker lab comes up,
# swarmsnap tells where a cold backup is safe, backs up, verifies, takes a hot backup and drills it in a
# throw-away sandbox, then every manager is wiped and one command restores; the lab is removed again (also on failure).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
scripts/setup.sh

LAB=demo
swarmsnap() { bin/swarmsnap "$@"; }
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
cleanup() { step "removing the sandbox"; swarmsnap lab down --name "$LAB" || true; rm -rf "${BACKUPS:-}"; }

if swarmsnap lab ls --name "$LAB" >/dev/null 2>&1; then
  step "an earlier demo lab is still there; removing it"
  swarmsnap lab down --name "$LAB"
fi
trap cleanup EXIT

step "a sandbox swarm: 3 managers and 1 worker, each its own dockerd in its own network namespace"
swarmsnap lab up --name "$LAB" --managers 3 --workers 1
swarmsnap lab ls --name "$LAB"

leader=$(swarmsnap lab ls --name "$LAB" --json | python3 -c 'import json,sys; print([n["name"] for n in json.load(sys.stdin) if n["leader"]][0])')
follower=$(swarmsnap lab ls --name "$LAB" --json | python3 -c 'import json,sys; print(sorted(n["name"] for n in json.load(sys.stdin) if n["role"]=="manager" and not n["leader"])[0])')

step "status on the leader ($leader): a cold backup here would force an election"
( eval "$(swarmsnap lab env --name "$LAB" "$leader")"; swarmsnap status ) || true

step "status on a follower ($follower): safe, one manager to spare"
( eval "$(swarmsnap lab env --name "$LAB" "$follower")"; swarmsnap status )

step "status on the worker: workers hold no cluster state"
( eval "$(swarmsnap lab env --name "$LAB" w1)"; swarmsnap status ) || true

BACKUPS=$(mktemp -d /var/tmp/swarmsnap-demo.XXXXXX)
step "back up the follower ($follower): the engine is down only while the real data is copied"
( eval "$(swarmsnap lab env --name "$LAB" "$follower")"; swarmsnap backup --output "$BACKUPS" )
archive=$(ls "$BACKUPS"/*.swarmsnap)

step "verify the archive offline: hashes, keys, snapshot, WAL CRC chain, replay, store vs API view"
swarmsnap verify "$archive"

step "inspect the archive offline, without Docker"
swarmsnap inspect "$archive"

step "a hot backup of the leader ($leader): the engine keeps running, no election"
mkdir -p "$BACKUPS/hot"
( eval "$(swarmsnap lab env --name "$LAB" "$leader")"; swarmsnap backup --hot --output "$BACKUPS/hot" )

step "drill the hot backup: restored into a throw-away sandbox engine, every object compared, sandbox removed"
swarmsnap drill "$(ls "$BACKUPS"/hot/*.swarmsnap)"

before=$( eval "$(swarmsnap lab env --name "$LAB" "$leader")"; timeout 30 docker service ls -q | sort )

step "disaster: every manager's engine stops and its swarm state is wiped"
for m in $(swarmsnap lab ls --name "$LAB" --json | python3 -c 'import json,sys; print(" ".join(n["name"] for n in json.load(sys.stdin) if n["role"]=="manager"))'); do
  swarmsnap lab wipe --name "$LAB" "$m"
done

step "restore the archive onto $follower (same address): one command"
( eval "$(swarmsnap lab env --name "$LAB" "$follower")"; swarmsnap restore "$archive" --yes )

step "the restored swarm: same service IDs as before the disaster, the worker is back"
( eval "$(swarmsnap lab env --name "$LAB" "$follower")"
  after=$(timeout 30 docker service ls -q | sort)
  # the worker knew this manager's address and reconnects on its own: wait for it (at most 2 min)
  for _ in $(seq 1 120); do
    timeout 10 docker node ls --format '{{.Hostname}} {{.Status}}' | grep -q -- "-w1 Ready" && break
    sleep 1
  done
  timeout 30 docker service ls; timeout 30 docker node ls
  if [ "$before" = "$after" ]; then echo "service IDs: identical to before the disaster"; else echo "service IDs differ!" >&2; exit 1; fi
  swarmsnap status || true )
rm -rf "$BACKUPS"

step "demo finished"
