#!/usr/bin/env bash
# The PROXY protocol v2 tests start Debian's HAProxy in front of a room (send-proxy-v2), as a school's balancer would.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo -n"
fi
echo "Installing haproxy for the PROXY protocol tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null
