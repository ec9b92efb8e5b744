#!/bin/sh
# Learner benchmark suite (issue #4): ground truth under noise, the loopback captures, anomaly
# detection, speed, the value floor; writes org.tadam.learner/BENCHMARKS-learner.md (sections in
# the order given). Sections 2 and 3 are skipped when ../shared/data/pcaps/loopback is absent.
# Usage: org.tadam.learner/bench/run-learner-bench.sh [quick|full] [PCAP_DIR] [SECTIONS]
# (SECTIONS: which of 1-5 to run, default 12345)
set -eu
module=$(cd "$(dirname "$0")/.." && pwd)
grid=${1:-quick}
pcaps=${2:-$module/../../shared/data/pcaps/loopback}
sections=${3:-12345}
cd "$module/.."
flock /tmp/tadam-mvn.lock ./mvnw -B -q -o -f org.tadam.learner/pom.xml test-compile \
  dependency:build-classpath -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
# the build lock is released before the (long) run
exec java -Xmx3g -XX:+UseParallelGC -cp "$cp" org.tadam.learner.bench.LearnerBench \
  "$module/BENCHMARKS-learner.md" "$pcaps" "$grid" "$sections"
