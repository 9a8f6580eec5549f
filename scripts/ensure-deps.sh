#!/usr/bin/env bash
# Installs, once and idempotently, the Debian packages Fast's commands and tests need: the
# host C compiler (cli/Launcher, the native launcher `./fast` builds),
# libunicorn (the differential-testing oracle), the AArch64 cross toolchain and binutils (guest
# test programs, objdump as the disassembly oracle) and qemu-user (the program-level oracle).
set -euo pipefail
packages=(gcc libunicorn-dev gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-user)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "fast: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "fast: need root to install ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
fi

# qemu-aarch64 is the program-level oracle. Programs it runs exec other AArch64 programs (busybox
# sh runs its applets), which the host kernel can only start through binfmt_misc: register
# qemu-aarch64 there (kernel escapes, not shell ones; P keeps argv[0], which busybox needs), as
# Debian's qemu-user-binfmt does under systemd.
binfmt=/proc/sys/fs/binfmt_misc
if [ "$(id -u)" -eq 0 ] && [ ! -e "$binfmt/qemu-aarch64" ]; then
  [ -e "$binfmt/register" ] || mount -t binfmt_misc binfmt_misc "$binfmt" 2>/dev/null || true
  if [ -w "$binfmt/register" ]; then
    printf '%s' ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64:PF' \
      > "$binfmt/register" 2>/dev/null || echo "fast: could not register qemu-aarch64 with binfmt_misc" >&2
  fi
fi
exit 0
