#!/usr/bin/env bash
# Generator throughput benchmark (issue #5): compiles the bundled HTTP+TLS+DNS+SSH mix and the small-packet scenario,
# runs each jar with 1 and 2 threads to /dev/null and to a file, next to the machine's ceiling (the same number of
# pre-built bytes written the same way), and rewrites ../BENCHMARKS-generator.md.
# Usage: org.tadam.generator/benchmark/run-benchmark.sh   (after ./mvnw package; TADAM=path/to/tadam to override)
# Not a test, and not to be run under the build lock: it measures the whole machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tadam="${TADAM:-$root/tadam}"
report="$here/../BENCHMARKS-generator.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mix_connections="${MIX_CONNECTIONS:-2000000}"
tiny_connections="${TINY_CONNECTIONS:-3000000}"

$tadam compile "$root/samples/mix.tadamscenario" -o "$work/mix.jar" >/dev/null
$tadam compile "$here/tiny.tadamscenario" -o "$work/tiny.jar" >/dev/null
rows=()
TIMEFORMAT='%U %S'
measure() { # name jar connections threads destination label
  local line cpu
  # CPU time (user + system) next to wall time: on a shared machine it is the steadier of the two
  cpu=$( { time java -jar "$2" --seed 1 --connections "$3" --threads "$4" -o "$5" >"$work/line"; } 2>&1 )
  line=$(cat "$work/line")
  rm -f "$work/out.pcap"
  # "mix: N connections, P packets, B MB in S s (R MB/s, Q M packets/s), ..."
  echo "$line $cpu" | awk -v n="$1" -v t="$4" -v d="$6" '{
    cpu = $(NF-1) + $NF
    gsub(/[(),]/, " "); for (i = 1; i <= NF; i++) { if ($i == "packets" && !p) p = $(i-1); if ($i == "MB" && $(i+1) == "in") { mb = $(i-1); s = $(i+2) }
      if ($i == "MB/s") r = $(i-1); if ($i == "M" && $(i+1) == "packets/s") q = $(i-1) }
    printf "| %s | %s | %s | %d | %.0f | %.2f | %.1f | %.0f | %.2f |\n", n, t, d, p, mb, s, cpu, r, q }'
}
ceiling() { # bytes destination label
  local line
  line=$(java "$here/WriteCeiling.java" "$1" "$2")
  rm -f "$work/out.pcap"
  echo "$line" | awk -v d="$3" '{ gsub(/[()]/, " "); printf "| ceiling: same bytes, pre-built | - | %s | - | %.0f | %s | - | %s | - |\n", d, $2 / 1e6, $5, $7 }'
}
for spec in "mix:$work/mix.jar:$mix_connections" "small packets:$work/tiny.jar:$tiny_connections"; do
  IFS=: read -r name jar connections <<<"$spec"
  for threads in 1 2; do
    rows+=("$(measure "$name" "$jar" "$connections" "$threads" /dev/null /dev/null)")
    rows+=("$(measure "$name" "$jar" "$connections" "$threads" "$work/out.pcap" file)")
  done
  bytes=$(java -jar "$jar" --seed 1 --connections "$connections" --threads 2 --stdout 2>/dev/null | wc -c)
  rows+=("$(ceiling "$bytes" /dev/null /dev/null)")
  rows+=("$(ceiling "$bytes" "$work/out.pcap" file)")
done

{
  echo "# Generator benchmark"
  echo
  echo "Regenerate with: \`org.tadam.generator/benchmark/run-benchmark.sh\` (after \`./mvnw -DskipTests package\`)."
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)."
  echo "Load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg) (other builds share the machine)."
  echo "Run on $(date -u +%Y-%m-%dT%H:%MZ); mix = samples/mix.tadamscenario ($mix_connections connections),"
  echo "small packets = benchmark/tiny.tadamscenario ($tiny_connections connections of 5 packets of 66-74 bytes)."
  echo
  echo "| scenario | threads | output | packets | MB | wall s | CPU s | MB/s | M packets/s |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  cat "$here/analysis.md"
} >"$report"
echo "wrote $report"
