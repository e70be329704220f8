#!/usr/bin/env bash
# Builds the students' client, `chatops`, into the folder the join page (/join) serves its downloads from:
#   linux-x64/chatops, win-x64/chatops.exe, osx-arm64/chatops   self-contained single files (no .NET needed); one folder
#                                                                each, so the download is named chatops as the command is
#   chatops.<version>.nupkg                                      the dotnet tool (dotnet tool install --global chatops --add-source <folder>)
# Usage: scripts/publish-client.sh [OUTPUT_FOLDER]
#   OUTPUT_FOLDER defaults to ChatOps.Web/bin/Debug/net10.0/data/client, where `dotnet run --project ChatOps.Web` looks
#   (Join:ClientPath, default <Data:Path>/client). Environment: RIDS="linux-x64" to build fewer platforms.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out="$(mkdir -p "${1:-ChatOps.Web/bin/Debug/net10.0/data/client}" && cd "${1:-ChatOps.Web/bin/Debug/net10.0/data/client}" && pwd)"
rids="${RIDS:-linux-x64 win-x64 osx-arm64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for rid in $rids; do
  start=$SECONDS
  # Single file with the runtime inside and compressed: one download that runs on a lab machine without .NET.
  dotnet publish ChatOps.Cli/ChatOps.Cli.csproj -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
    -p:DebugType=none -o "$work/$rid" --nologo -v quiet
  ext=""; [[ "$rid" == win-* ]] && ext=".exe"
  mkdir -p "$out/$rid"
  cp "$work/$rid/chatops$ext" "$out/$rid/chatops$ext"
  echo "$rid/chatops$ext  $(du -h "$out/$rid/chatops$ext" | cut -f1)  $((SECONDS - start)) s"
done

start=$SECONDS
rm -f "$out"/chatops.*.nupkg
dotnet pack ChatOps.Cli/ChatOps.Cli.csproj -c Release -o "$out" --nologo -v quiet
echo "$(basename "$out"/chatops.*.nupkg)  $(du -h "$out"/chatops.*.nupkg | cut -f1)  $((SECONDS - start)) s"
echo "client builds in $out"
