#!/usr/bin/env bash
# Start-up benchmark of the command line (issue 15, item 4): whole-process wall time of the quick commands
# on small files, as ./tadam runs them (class-data archive + quick compiler) and as it ran them before
# (no archive, default compilers), interleaved, RUNS times each. Writes org.tadam.cli/BENCHMARKS-cli.md
# from its own measurements only. Usage: scripts/bench-cli.sh [RUNS]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-9}"
report=org.tadam.cli/BENCHMARKS-cli.md
goal=0.80
[[ -f org.tadam.cli/target/tadam.jsa ]] || { echo "bench-cli: no class-data archive; run ./mvnw -B -DskipTests package" >&2; exit 2; }

commands=(
  "--version"
  "validate samples/http.tadam"
  "format --check samples/http.tadam"
  "dot samples/http.tadam"
  "score samples/http.tadam samples/captures/web-dns.pcap"
)
before_opts="-XX:+UseParallelGC -Xss4m -XX:MaxRAMPercentage=75"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# seconds of one whole ./tadam process, its output discarded; a failing command fails the benchmark
wall() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$tmp/err" || { echo "bench-cli: '$*' failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
./tadam --version >/dev/null  # page cache warm for both configurations
for ((run = 1; run <= runs; run++)); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086  # the command is a list of words
    wall ./tadam ${commands[$i]} >>"$tmp/now.$i"
    # shellcheck disable=SC2086
    TADAM_CDS=off TADAM_JAVA_OPTS="$before_opts" wall ./tadam ${commands[$i]} >>"$tmp/before.$i"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.2f|%.2f|%.2f", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }
median() { stats "$1" | cut -d'|' -f2; }

{
  echo "# Command-line start-up benchmark"
  echo
  echo "Written by \`scripts/bench-cli.sh $runs\` from its own measurements, $(date -u +%Y-%m-%dT%H:%MZ), on $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1). Load average $load_before before and $load_after after the runs"
  echo "(other work on the machine slows every figure alike; the two configurations run interleaved)."
  echo
  echo "Whole-process wall time in seconds (min | median | max of $runs runs), JVM start included:"
  echo "- **now**: \`./tadam\` as built: class-data archive \`org.tadam.cli/target/tadam.jsa\` (made by the build from"
  echo "  the quick commands on the samples), quick compiler only and Guice without generated classes for validate/format/dot"
  echo "  and score of inputs under 16 MB;"
  echo "- **before**: \`TADAM_CDS=off TADAM_JAVA_OPTS=\"$before_opts\" ./tadam\`, the launcher of before."
  echo
  echo "| command | now min | now median | now max | before min | before median | before max | median ≤ $goal s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for i in "${!commands[@]}"; do
    now="$(stats "$tmp/now.$i")"; before="$(stats "$tmp/before.$i")"
    met="$(awk -v m="$(median "$tmp/now.$i")" -v g=$goal 'BEGIN { print (m <= g ? "yes" : "no") }')"
    [[ "${commands[$i]}" == --version ]] && met="(reference)"
    echo "| \`tadam ${commands[$i]}\` | ${now//|/ | } | ${before//|/ | } | $met |"
  done
} >"$report.tmp"
mv "$report.tmp" "$report"
echo "bench-cli: wrote $report"
