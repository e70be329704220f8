#!/usr/bin/env bash
# The cluster tests start their own redis-server (Debian's) on a free loopback port, with a temporary directory.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo -n"
fi
echo "Installing redis-server for the cluster tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system redis-server on 6379; the tests use their own, so the system one is not needed.
$SUDO service redis-server stop >/dev/null 2>&1 || true
