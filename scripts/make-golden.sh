#!/usr/bin/env bash
# Rewrites the golden outputs that GoldenOutputsTest compares byte for byte: models learned from the
# bundled capture and pcaps generated from the bundled scenario and from the learned HTTP model.
# Run it only for a change that is meant to alter models or pcaps, and say why in the commit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
golden=org.tadam.cli/src/test/resources/golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./tadam learn samples/captures/web-dns.pcap -o "$golden/models" >/dev/null
chmod 644 "$golden"/models/*.tadam
./tadam compile samples/mix.tadamscenario -o "$work/mix.jar" >/dev/null
for format in pcap pcap-ns pcapng; do
  java -jar "$work/mix.jar" --seed 7 --connections 20 --format "$format" -o "$golden/mix-$format.$([[ $format == pcapng ]] && echo pcapng || echo pcap)" >/dev/null
done
./tadam compile "$golden/models/http.tadam" -o "$work/http.jar" >/dev/null
java -jar "$work/http.jar" --seed 3 --connections 20 -o "$golden/http-learned.pcap" >/dev/null
ls -l "$golden" "$golden/models"
