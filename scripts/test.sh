#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against real dockerd labs. Set-up first.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
scripts/setup.sh
echo "==> running all tests (unit + lab integration)"
exec mvn -B verify "$@"
