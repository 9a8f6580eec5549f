#!/usr/bin/env bash
# Installs, once and idempotently, the Debian packages Fast's commands and tests need:
# libunicorn (the differential-testing oracle), the AArch64 cross toolchain and binutils (guest
# test programs, objdump as the disassembly oracle) and qemu-user (the program-level oracle).
set -euo pipefail
packages=(libunicorn-dev gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-user)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "fast: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "fast: need root to install ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "${missing[@]}" >&2
