#!/usr/bin/env bash
# The main job on the bundled samples: learn models from a real capture, check them, compile a generator,
# generate traffic and check it, then show the editing tools on the hand-written sample models.
# Usage: ./demo.sh [--rebuild]      (outputs go to out/demo/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ ${1:-} == --rebuild || ! -f org.tadam.cli/target/org.tadam.cli.jar ]]; then
  echo "== building (./mvnw -B -q -DskipTests verify)"
  ./mvnw -B -q -DskipTests verify
fi
out=out/demo
rm -rf "$out"
mkdir -p "$out/models"
step() { echo; echo "== $*"; }
capture=samples/captures/web-dns.pcap

step "1. capture -> timed words (one line per connection)"
./tadam words "$capture" -o "$out/web-dns.words"
head -c 300 "$out/web-dns.words"; echo " ..."

step "2. learn one TADAM automaton per service"
./tadam learn "$capture" -o "$out/models" --no-progress

step "3. the learned models are valid and canonically formatted"
./tadam validate "$out"/models/*.tadam
./tadam format --check "$out"/models/*.tadam

step "4. compile a generator jar from the learned HTTP model and run it"
./tadam compile "$out/models/http.tadam" -o "$out/http-gen.jar"
java -jar "$out/http-gen.jar" --seed 7 --connections 500 -o "$out/http-gen.pcap"
java -jar "$out/http-gen.jar" --seed 7 --connections 500 -o "$out/http-gen-again.pcap"
cmp "$out/http-gen.pcap" "$out/http-gen-again.pcap" && echo "same seed, same bytes"

step "5. check the generated capture: read it back, score it under the model"
./tadam words "$out/http-gen.pcap" -o "$out/http-gen.words"
generated=$(wc -l < "$out/http-gen.words")
[[ $generated -eq 500 ]] || { echo "demo: expected 500 connections, read $generated" >&2; exit 1; }
./tadam score "$out/models/http.tadam" "$out/http-gen.pcap" > "$out/http-gen.scores"
tail -n 3 "$out/http-gen.scores"
if command -v tshark >/dev/null; then
  malformed=$(tshark -r "$out/http-gen.pcap" -Y '_ws.malformed || _ws.expert.severity == error' 2>/dev/null | wc -l)
  requests=$(tshark -r "$out/http-gen.pcap" -Y 'http.request' 2>/dev/null | wc -l)
  echo "tshark: $malformed malformed or error packets, $requests HTTP requests dissected"
  [[ $malformed -eq 0 ]] || { echo "demo: tshark found malformed packets" >&2; exit 1; }
fi

step "6. a scenario mixing hand-written models (HTTP, TLS, DNS, SSH)"
./tadam compile samples/mix.tadamscenario -o "$out/mix.jar"
java -jar "$out/mix.jar" --connections 2000 -o "$out/mix.pcap"

step "7. editing tools: convert .tadam -> XMI -> .tadam, Graphviz and SVG diagrams"
./tadam convert samples/http.tadam "$out/http.xmi"
./tadam convert "$out/http.xmi" "$out/http.tadam"
diff <(grep -vE '^\s*(//|/\*)' samples/http.tadam) "$out/http.tadam" && echo "round trip: identical (less comments)"
./tadam dot samples/http.tadam -o "$out/http.dot"
./tadam diagram "$out/models/http.tadam" -o "$out/http-learned.svg"

step "8. a deliberately broken model: diagnostics with file:line:col"
if ./tadam validate samples/broken.tadam; then
  echo "demo: samples/broken.tadam should not validate" >&2
  exit 1
fi
echo
echo "demo: all steps passed; outputs in $out/"
