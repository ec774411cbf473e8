#!/usr/bin/env bash
# Installs the Debian packages weft needs to build, if any are missing; with the argument
# `test`, also those its tests need (chromium for the web UI's end-to-end test).
# Safe to run again: it does nothing when everything is present.
#
#   scripts/install-deps.sh          (make deps)
#   scripts/install-deps.sh test     (make test-deps)
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config make
  libboost-dev libsimdjson-dev libyaml-cpp-dev zlib1g-dev libxxhash-dev libsnappy-dev libzstd-dev zstd
  libgrpc++-dev libre2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  bsdutils rsyslog  # logger(1) and rsyslogd: the real senders of the syslog integration test
)
if [ "${1:-}" = test ]; then
  packages+=(chromium fonts-dejavu-core)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
