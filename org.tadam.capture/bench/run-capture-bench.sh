#!/bin/sh
# Capture ingestion benchmark: builds a >= 1 GB synthetic capture in /tmp (not committed) from
# ../shared/data/pcaps, times our reader against tshark, writes BENCHMARKS-capture.md.
# Usage: org.tadam.capture/bench/run-capture-bench.sh [PCAP_DIR] [SYNTHETIC_FILE] [SIZE_MB]
set -eu
module=$(cd "$(dirname "$0")/.." && pwd)
pcaps=${1:-$module/../../shared/data/pcaps}
synthetic=${2:-/tmp/tadam-capture-bench.pcap}
size=${3:-1100}
cd "$module/.."
flock /tmp/tadam-mvn.lock ./mvnw -B -q -o -f org.tadam.capture/pom.xml test-compile \
  dependency:build-classpath -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
# Small fixed heap: the point is that memory does not grow with the file size.
# Pinned to one core (JIT and GC threads included) when taskset exists.
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
exec $pin java -Xmx512m -XX:+UseParallelGC -cp "$cp" org.tadam.capture.bench.CaptureBench \
  "$pcaps" "$synthetic" "$size" "$module/BENCHMARKS-capture.md"
