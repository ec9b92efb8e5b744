#!/usr/bin/env bash
# Generator throughput benchmark (issue 15): compiles the bundled HTTP+TLS+DNS+SSH mix and the small-packet scenario,
# runs each generator jar RUNS times as a whole process (JVM start included) with 1 and 2 threads, to /dev/null and
# to a file, interleaved with the machine's ceilings measured in the same run (pre-built bytes copied into direct
# buffers and written to /dev/null at their offsets from 1 and 2 threads, as the generator writes its windows; two
# 1-thread generators at once, as two processes; dd of the same number of bytes to the same disk), and rewrites ../BENCHMARKS-generator.md
# from what it measured only: every number in that file, prose included, is computed here.
# Usage: org.tadam.generator/benchmark/run-benchmark.sh   (after ./mvnw -DskipTests package)
#   RUNS=5 MIX_CONNECTIONS=2000000 TINY_CONNECTIONS=3000000 TADAM=path/to/tadam REPORT=path/to/report.md
# Not a test, and not to be run under the build lock: it measures the whole machine, whose load it records.
set -euo pipefail
# a /dev/null that is a regular file (some tool renamed a file onto it) takes every byte into memory and serialises
# writers on one file: the rates would measure that, not the generator
if [ ! -c /dev/null ]; then
  echo "run-benchmark: /dev/null is not a character device; restore it (as root: rm /dev/null && mknod -m 666 /dev/null c 1 3)" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tadam="${TADAM:-$root/tadam}"
report="${REPORT:-$here/../BENCHMARKS-generator.md}"
runs="${RUNS:-5}"
mix_connections="${MIX_CONNECTIONS:-2000000}"
tiny_connections="${TINY_CONNECTIONS:-3000000}"
work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/tadam-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# the goals of issue 15, printed next to what was measured
goal_gbs=4 goal_scaling=1.7 goal_mpps=12 goal_dd=0.8

"$tadam" compile "$root/samples/mix.tadamscenario" -o "$work/mix.jar" >/dev/null
"$tadam" compile "$here/tiny.tadamscenario" -o "$work/tiny.jar" >/dev/null
javac -d "$work" "$here/WriteCeiling.java"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
raw="$work/raw.tsv" # one line per run: config, wall, cpu, bytes, packets, in-process seconds, load
: >"$raw"
TIMEFORMAT='%R %U %S'

# run CONFIG COMMAND...: one whole process; its summary line gives bytes, packets and the in-process time
run() {
  local config="$1" timing line load
  shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  timing=$( { time "$@" >"$work/line" 2>"$work/err"; } 2>&1 ) || { cat "$work/err" >&2; exit 1; }
  line=$(cat "$work/line" "$work/err")
  rm -f "$work/out.pcap" "$work/dd.bin"
  # generators: "name: C connections, P packets, B MB in S s (...)"; ceilings print "ceiling: BYTES bytes in S s"
  echo "$line" | awk -v c="$config" -v t="$timing" -v l="$load" '
    /connections,/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "packets" && !p) p = $(i-1); if ($i == "MB" && $(i+1) == "in") { b = $(i-1) * 1e6; s = $(i+2) } } }
    /^ceiling:/ { b = $2; s = $5; p = 0 }
    /bytes.*copied/ { b = $1; s = $(NF-3) + 0; p = 0 }
    END { split(t, x, " "); printf "%s\t%s\t%.2f\t%.0f\t%d\t%s\t%s\n", c, x[1], x[2] + x[3], b, p, s, l }' >>"$raw"
}

gen() { # scenario jar connections threads output [extra options]
  local name="$1" jar="$2" n="$3" threads="$4" output="$5" walk="${6:-}" target=/dev/null
  [[ "$output" == file ]] && target="$work/out.pcap"
  run "$name|$threads|$output|$walk" java -jar "$jar" --seed 1 --connections "$n" --threads "$threads" -o "$target" ${walk:+--walk "$walk"}
}

# pair JAR CONNECTIONS: two 1-thread generators at once (seeds 1 and 2), each its own process sharing nothing but the
# machine; prints their bytes together and the longer of their in-process times, as a ceiling line run() reads
pair() {
  java -jar "$1" --seed 1 --connections "$2" --threads 1 -o /dev/null >"$work/pair1" 2>&1 &
  java -jar "$1" --seed 2 --connections "$2" --threads 1 -o /dev/null >"$work/pair2" 2>&1
  wait $!
  cat "$work/pair1" "$work/pair2" | awk '/connections,/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) if ($i == "MB" && $(i+1) == "in") { b += $(i-1) * 1e6; if ($(i+2) > s) s = $(i+2) } }
    END { printf "ceiling: %.0f bytes in %s s\n", b, s }'
}

# jars that can walk their automata from the tables as well as with the code compiled per model (issue 15, item 2)
walks=$(java -jar "$work/mix.jar" --help | grep -o -- '--walk' || true)
for spec in "mix:$work/mix.jar:$mix_connections" "small packets:$work/tiny.jar:$tiny_connections"; do
  IFS=: read -r name jar n <<<"$spec"
  bytes=$(java -jar "$jar" --seed 1 --connections "$n" --stdout 2>/dev/null | wc -c)
  # rounds: each run of every configuration once, so that a burst of load spreads over all of them
  for ((r = 0; r < runs; r++)); do
    for threads in 1 2; do
      gen "$name" "$jar" "$n" "$threads" /dev/null
      gen "$name" "$jar" "$n" "$threads" file
    done
    if [[ "$name" == mix && -n "$walks" ]]; then
      gen "$name" "$jar" "$n" 1 /dev/null tables
      gen "$name" "$jar" "$n" 2 /dev/null tables
    fi
    [[ "$name" == mix ]] && run "$name|ceiling: two 1-thread processes at once|/dev/null|" pair "$jar" "$n"
    for threads in 1 2; do
      run "$name|ceiling: copy and write, threads $threads|/dev/null|" java -cp "$work" WriteCeiling "$bytes" /dev/null "$threads"
    done
    # dd's own rate line ("B bytes (...) copied, S s, R MB/s") goes to stderr, which run() reads
    run "$name|ceiling: dd, 4 MiB blocks|file|" dd if=/dev/zero of="$work/dd.bin" bs=4M count=$(((bytes + 4194303) / 4194304))
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# the report: medians and spreads per configuration, then sentences whose numbers all come from $raw
{
  echo "# Generator benchmark"
  echo
  echo "Written by \`org.tadam.generator/benchmark/run-benchmark.sh\` (after \`./mvnw -DskipTests package\`); every number"
  echo "below comes from that run. Do not edit by hand: rerun the script."
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)."
  echo "Run started $started; load average (1, 5, 15 min) $load_start at the start, $load_end at the end."
  echo "mix = samples/mix.tadamscenario, $mix_connections connections; small packets = benchmark/tiny.tadamscenario,"
  echo "$tiny_connections connections of 5 packets without payload. Each configuration ran $runs times, in rounds."
  echo
  awk -F'\t' -v runs="$runs" -v gg="$goal_gbs" -v gs="$goal_scaling" -v gm="$goal_mpps" -v gd="$goal_dd" -v cores="$(nproc)" -f "$here/report.awk" "$raw"
} >"$report"
cp "$raw" "${report%.md}.raw.tsv"
echo "wrote $report"
