#!/usr/bin/env bash
# Install the Debian packages listed in scripts/debian-packages.txt that are missing here.
# Tests run real programs (Mosquitto, nginx, ffmpeg, Chromium): a fresh machine needs them.
set -eu
list="$(dirname "$0")/debian-packages.txt"
missing=()
while read -r package _; do
  case "$package" in ''|'#'*) continue ;; esac
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-packages: missing Debian packages: ${missing[*]} (run as root, or apt-get install them)" >&2
  exit 1
fi
echo "ensure-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
