#!/usr/bin/env bash
# The dashboard, chatops and the tests run in English and French (not InvariantGlobalization): .NET needs ICU's
# culture data, Debian's libicuNN (72 on bookworm). The SDK itself uses it, so it is usually there already.
set -euo pipefail
if [[ -n "${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-}" && "${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT}" != "0" && "${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT,,}" != "false" ]]; then
  echo "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is set: the French tests cannot load French; unset it to run them." >&2
fi
if ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so'; then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo -n"
fi
echo "Installing ICU for the culture data of the English and French tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
package=$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -1)
$SUDO apt-get install -y -qq --no-install-recommends "${package:-libicu72}" >/dev/null
