#!/usr/bin/env bash
# Spark benchmark: ingestion of a directory of captures through Spark local[1] and local[2] against the
# single-process reader (tadam words), the same on ~1 GB of generated captures, and generation of ~10 GB in
# shards with the merge and the single-machine run to compare with. Writes org.tadam.spark/BENCHMARKS-spark.md
# from the measurements of this run only; every file it makes lives in a temporary directory removed at the end.
# Usage: org.tadam.spark/bench/run-spark-bench.sh [PCAP_DIR] [GENERATED_GB]
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$module/.." && pwd)
pcaps=${1:-$repo/../shared/data/pcaps}
gen_gb=${2:-10}
work=$(mktemp -d /tmp/tadam-spark-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$repo"
flock /tmp/tadam-mvn.lock ./mvnw -B -q -pl org.tadam.cli,org.tadam.spark -am package -DskipTests
tadam="$repo/tadam"
log="$work/log"

# wall seconds of a command; its stderr is kept in $log
wall() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" 2>"$log" >/dev/null || true
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
# fields of the summary lines tadam spark prints on stderr
job_seconds() { sed -n 's/^files: .*, \([0-9.]*\) s$/\1/p' "$log"; }
task_seconds() { sed -n 's/^\(reading\|writing\) in tasks: \([0-9.]*\) s in all.*/\2/p' "$log"; }
words_of() { sed -n 's/^files: .* words: \([0-9]*\),.*/\1/p' "$log"; }
joined_of() { sed -n 's/^files: .* joined across files: \([0-9]*\),.*/\1/p' "$log"; }
phase() { sed -n "s/^phases: .*$1 \([0-9.]*\) s.*/\1/p" "$log"; }
load() { cut -d' ' -f1 /proc/loadavg; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }

# --- fixed cost: one small capture ---------------------------------------------------------------------------
sample="$repo/samples/captures/web-dns.pcap"
w_tiny_single=$(wall "$tadam" words "$sample" -o "$work/tiny.txt")
w_tiny_spark=$(wall "$tadam" spark ingest --master 'local[2]' "$sample" -o "$work/tiny.parquet")
j_tiny_spark=$(job_seconds)

# --- ingestion of a directory (the shared captures, then generated ones) ---------------------------------------
# sets: <prefix>_{files,bytes,w1,single_words} (tadam words), _{wl1,jl1,tl1,rl1,xl1} and _{wl2,...} (spark
# local[1] and local[2] with --no-join --no-payloads: the work of tadam words), _{wd,jd,words_join,joined} (local[2]
# with the defaults: rotations joined, payloads kept for learning), _load (load average before each run)
ingest_set() {
  local p=$1 dir=$2 n
  mapfile -t files < <(find "$dir" -type f \( -name '*.pcap*' -o -name '*.cap*' \) | sort)
  eval "${p}_files=${#files[@]}"
  eval "${p}_bytes=$(cat "${files[@]}" | wc -c)"
  eval "${p}_load='$(load)'"
  eval "${p}_w1=$(wall "$tadam" words "${files[@]}" -o "$work/$p.txt")"
  eval "${p}_single_words=$(wc -l <"$work/$p.txt")"
  for n in 1 2; do
    eval "${p}_load=\"\$${p}_load, $(load)\""
    eval "${p}_wl$n=$(wall "$tadam" spark ingest --master "local[$n]" --no-join --no-payloads "$dir" -o "$work/$p-$n.parquet")"
    eval "${p}_jl$n=$(job_seconds) ${p}_tl$n=$(task_seconds) ${p}_rl$n=$(phase read) ${p}_xl$n=$(phase write) ${p}_jn$n=$(phase join)"
    eval "${p}_words_l$n=$(words_of)"
  done
  eval "${p}_load=\"\$${p}_load, $(load)\""
  eval "${p}_wd=$(wall "$tadam" spark ingest --master 'local[2]' "$dir" -o "$work/$p-j.parquet")"
  eval "${p}_jd=$(job_seconds) ${p}_words_join=$(words_of) ${p}_joined=$(joined_of)"
  grep '^  joined:' "$log" >"$work/$p-joins.txt" || true
  rm -rf "$work/$p".txt "$work/$p"-*.parquet
}

have_shared=no
if [[ -d "$pcaps" ]]; then
  have_shared=yes
  ingest_set shared "$pcaps"
fi

"$tadam" compile "$repo/samples/mix.tadamscenario" -o "$work/mix.jar" >/dev/null 2>&1
# ~1 GB of generated captures in 8 files (8 shards kept, no merge): 1293 bytes per connection of the mix
"$tadam" spark generate "$work/mix.jar" --master 'local[2]' --seed 3 --connections 800000 --shards 8 \
  -o "$work/synth" 2>/dev/null
ingest_set synth "$work/synth"
rm -rf "$work/synth"

# --- generation of ~GEN_GB GB in shards, merged, against the single-machine run --------------------------------
conns=$(calc "$gen_gb * 1e9 / 1293" 0)
w_gen=$(wall "$tadam" spark generate "$work/mix.jar" --master 'local[2]' --seed 1 --connections "$conns" \
  --shards 16 -o "$work/gen" --merge "$work/merged.pcap")
gen_line=$(grep '^16 shards' "$log")
gen_bytes=$(echo "$gen_line" | sed -n 's/.* packets, \([0-9.]*\) MB in \([0-9.]*\) s.*/\1/p')
gen_job=$(echo "$gen_line" | sed -n 's/.* MB in \([0-9.]*\) s.*/\1/p')
gen_tasks=$(task_seconds)
gen_longest=$(sed -n 's/^writing in tasks: .* longest \([0-9.]*\) s$/\1/p' "$log")
merge_s=$(sed -n 's/^merged .* in \([0-9.]*\) s$/\1/p' "$log")
merged_size=$(stat -c %s "$work/merged.pcap")
w_single_gen=$(wall java -jar "$work/mix.jar" --seed 1 --connections "$conns" --threads 2 -o "$work/single.pcap")
if cmp -s "$work/merged.pcap" "$work/single.pcap"; then same_gen=yes; else same_gen=NO; fi
rm -rf "$work/gen" "$work/merged.pcap" "$work/single.pcap"

# --- the report --------------------------------------------------------------------------------------------------
mb() { calc "$1 / 1e6" 1; }
rate() { calc "$1 / 1e6 / $2" 1; }
{
  echo "# Spark benchmark (org.tadam.spark)"
  echo
  echo "Written by \`org.tadam.spark/bench/run-spark-bench.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB,"
  echo "$(java -version 2>&1 | head -1), Spark 4.0.1 local mode). Wall = whole process, JVM start included; job = the"
  echo "Spark job as \`tadam spark\` reports it (session start included); tasks = time spent inside the reading or"
  echo "writing tasks, added up over all tasks (the work a cluster divides)."
  echo
  echo "## Fixed cost"
  echo
  echo "One 0.26 MB capture (\`samples/captures/web-dns.pcap\`): \`tadam words\` ${w_tiny_single} s wall;"
  echo "\`tadam spark ingest --master local[2]\` ${w_tiny_spark} s wall, job ${j_tiny_spark} s. The difference is Spark's"
  echo "start-up and its per-job cost (session, scheduling, Parquet writer), paid once per run whatever the input."
  echo
  echo "## Ingestion"
  echo
  if [[ $have_shared == yes ]]; then
    sets="shared synth"
  else
    echo "**\`$pcaps\` is absent on this machine: the shared captures were not measured**, only the generated set."
    echo
    sets="synth"
  fi
  echo "Spark runs here with \`--no-join --no-payloads\`: every file read as \`tadam words\` reads it and only the words"
  echo "kept, the same work, so the word counts must agree. Phases: read = reading tasks, write = Parquet writing tasks."
  echo
  echo "| input | files | MB | tadam words | spark local[1]: wall / job (read + write) | spark local[2]: wall / job (read + write) | MB/s single / local[1] / local[2] | words single / local[1] / local[2] |"
  echo "|---|---|---|---|---|---|---|---|"
  for p in $sets; do
    eval "b=\$${p}_bytes f=\$${p}_files w1=\$${p}_w1 wl1=\$${p}_wl1 jl1=\$${p}_jl1 rl1=\$${p}_rl1 xl1=\$${p}_xl1"
    eval "wl2=\$${p}_wl2 jl2=\$${p}_jl2 rl2=\$${p}_rl2 xl2=\$${p}_xl2 sw=\$${p}_single_words"
    eval "n1=\$${p}_words_l1 n2=\$${p}_words_l2"
    name=$([[ $p == shared ]] && echo "\`$(basename "$(dirname "$pcaps")")/$(basename "$pcaps")\`" || echo "generated (mix.jar, 8 files)")
    echo "| $name | $f | $(mb "$b") | ${w1} s | ${wl1} / ${jl1} s (${rl1} + ${xl1}) | ${wl2} / ${jl2} s (${rl2} + ${xl2}) | $(rate "$b" "$w1") / $(rate "$b" "$jl1") / $(rate "$b" "$jl2") | $sw / $n1 / $n2 |"
  done
  echo
  for p in $sets; do
    eval "wj=\$${p}_words_join j=\$${p}_joined wd=\$${p}_wd jd=\$${p}_jd ld=\$${p}_load"
    echo "The $p set with the defaults (rotations joined, payloads kept for \`tadam spark learn\`), local[2]: ${wd} s wall,"
    echo "job ${jd} s; $wj words, $j of them joined across files$([[ -s "$work/$p-joins.txt" ]] && echo ":" || echo ".")"
    if [[ -s "$work/$p-joins.txt" ]]; then sed 's/^  joined: /- /' "$work/$p-joins.txt"; fi
    echo "Load average (1 min) before the runs of this set (tadam words, local[1], local[2], defaults): $ld."
    echo
  done
  echo "## Generation"
  echo
  echo "\`tadam spark generate mix.jar --master local[2] --seed 1 --connections $conns --shards 16 --merge\`:"
  echo "$(mb "$merged_size") MB merged; shards written in ${gen_job} s (job; $(rate "$merged_size" "$gen_job") MB/s;"
  echo "tasks ${gen_tasks} s in all, longest shard ${gen_longest} s), merged into one pcap on the driver in ${merge_s} s"
  echo "($(rate "$merged_size" "$merge_s") MB/s), ${w_gen} s wall in all. One machine, \`java -jar mix.jar --seed 1"
  echo "--connections $conns --threads 2\`: ${w_single_gen} s wall ($(rate "$merged_size" "$w_single_gen") MB/s)."
  echo "Merged file identical to the single run: **${same_gen}**. All outputs were deleted after the run."
  echo
  echo "## How the work divides (estimating a cluster)"
  echo
  work1=$(calc "$synth_rl1 + $synth_xl1")
  per_core=$(rate "$synth_bytes" "$work1")
  fixed=$j_tiny_spark
  gen_core=$(rate "$merged_size" "$gen_tasks")
  merge_rate=$(rate "$merged_size" "$merge_s")
  echo "Ingestion is one task per group of files for reading and the same tasks write the Parquet words; they share"
  echo "nothing but the few rows at the files' edges the driver joins. With one core (local[1]) the generated set's"
  echo "read and write phases took ${synth_rl1} + ${synth_xl1} s: **${per_core} MB/s per core** of divisible work (the"
  echo "single process, which writes a text file, does $(rate "$synth_bytes" "$synth_w1") MB/s). local[2] took"
  echo "${synth_rl2} + ${synth_xl2} s, a speed-up of $(calc "$work1 / ($synth_rl2 + $synth_xl2)" 2)× on this machine's 2 cores"
  echo "(load averages above: the cores, memory bandwidth and the garbage collector are shared). What does not divide:"
  echo "the fixed cost of a Spark run (${fixed} s here, section 1), the driver's join (${synth_jn1} s here),"
  echo "and the largest single file, which one task reads. Estimate = fixed + size / (per-core rate × cores):"
  for cores in 2 8; do
    t=$(calc "$fixed + 50e9 / 1e6 / ($per_core * 10 * $cores)" 0)
    echo "- 50 GB of captures (CIC-IDS2017 size) on 10 nodes × ${cores} cores: ${fixed} + 50 000 / (${per_core} × $((10 * cores))) ≈ **${t} s**,"
    echo "  if every node reads its own files at that rate (a shared file system must then deliver $(calc "$per_core * 10 * $cores" 0) MB/s)."
  done
  echo
  echo "Generation is one task per shard with no communication at all: each shard replays the arrival times up to"
  echo "its range (cheap) and writes its connections; one core writes ${gen_core} MB/s inside tasks. The merge is a"
  echo "single sequential pass on the driver at ${merge_rate} MB/s, which more nodes do not shorten: $(calc "$gen_gb * 1000 / $merge_rate" 0) s"
  echo "for ${gen_gb} GB. On 10 nodes × 2 cores, ${gen_gb} GB of shards take about $(calc "$gen_gb * 1000 / ($gen_core * 20)" 0) s of writing"
  echo "plus the fixed ${fixed} s, and the merged file $(calc "$gen_gb * 1000 / $merge_rate" 0) s more; keep the shards"
  echo "(many tools read a directory of pcaps) when the merge would dominate."
  echo
  echo "Learning was not measured here: it is one task per service, so its wall time is that of the largest"
  echo "service's \`tadam learn\` (see \`org.tadam.learner/BENCHMARKS-learner.md\`) plus the fixed cost."
} >"$module/BENCHMARKS-spark.md.tmp"
mv "$module/BENCHMARKS-spark.md.tmp" "$module/BENCHMARKS-spark.md"
echo "wrote $module/BENCHMARKS-spark.md"
