#!/usr/bin/env bash
# The chatops check tests run student-style servers written in Python 3 (ChatOps.Tests/StudentPrograms/Servers).
set -euo pipefail
if command -v python3 >/dev/null; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo -n"
fi
echo "Installing python3 for the check tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends python3 >/dev/null
