#!/usr/bin/env bash
# The main job on the bundled samples: build once, then check, format, convert and draw the sample models.
# Usage: ./demo.sh [--rebuild]      (outputs go to out/demo/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ ${1:-} == --rebuild || ! -f org.tadam.cli/target/org.tadam.cli.jar ]]; then
  echo "== building (./mvnw -B -q -DskipTests verify)"
  ./mvnw -B -q -DskipTests verify
fi
out=out/demo
mkdir -p "$out"
step() { echo; echo "== $*"; }

step "validate the bundled models"
./tadam validate samples/http.tadam samples/dns.tadam

step "check that they are in canonical layout"
./tadam format --check samples/*.tadam

step "convert .tadam -> XMI -> .tadam and compare"
./tadam convert samples/http.tadam "$out/http.xmi"
./tadam convert "$out/http.xmi" "$out/http.tadam"
# XMI keeps everything but comments
diff <(grep -vE '^\s*(//|/\*)' samples/http.tadam) "$out/http.tadam" && echo "round trip: identical"

step "export the graph (render with: dot -Tsvg $out/http.dot)"
./tadam dot samples/http.tadam -o "$out/http.dot"
grep -c -- '->' "$out/http.dot" | sed 's/^/edges drawn: /'

step "a deliberately broken model: diagnostics with file:line:col"
if ./tadam validate samples/broken.tadam; then
  echo "demo: samples/broken.tadam should not validate" >&2
  exit 1
fi
echo
echo "demo: all steps passed; outputs in $out/"
