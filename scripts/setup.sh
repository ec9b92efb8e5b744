#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks for building, testing and running TADAM.
# Java 17 must be there already (the JDK is the one thing we do not install); Maven comes via ./mvnw.
set -euo pipefail
packages=(
  xvfb        # virtual display for the Eclipse UI tests
  libgtk-3-0  # SWT needs GTK 3
  tshark      # outside judge of captures in integration tests (skipped when absent)
  libpcap0.8  # live capture (tadam learn/words --interface) and its loopback test
  libndpi-bin # ndpiReader: tadam eval's content-detection judge (optional, reported as absent without it)
  jq          # scripts/bench-realism.sh reads tadam eval's summary.json
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])'; then
  echo "setup: Java 17 or newer is required (java -version)" >&2
  exit 1
fi
