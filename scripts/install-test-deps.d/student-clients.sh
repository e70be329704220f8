#!/usr/bin/env bash
# The student-style clients of ChatOps.Tests/StudentPrograms run as real programs: Python 3, C (gcc) and Java (javac, java).
# Installs the Debian packages of those that are missing; does nothing when all are there.
set -euo pipefail
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
{ command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1; } || missing+=(default-jdk-headless)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo -n"
fi
echo "Installing ${missing[*]} for the student-client tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
