#!/usr/bin/env bash
# Runs every test of ChatOps on a fresh machine: installs what the tests need, then `dotnet test ChatOps.sln`.
# Results (TRX) go to TestResults/; extra arguments go to dotnet test (e.g. --filter "FullyQualifiedName~Framing").
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for script in scripts/install-test-deps.d/*.sh; do
  [[ -e "$script" ]] && bash "$script"
done

rm -rf TestResults
dotnet test ChatOps.sln --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
