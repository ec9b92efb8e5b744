#!/bin/sh
# Learner benchmark suite: ground truth under noise, the loopback captures, anomaly detection,
# speed, the value floor (Java harness, in process), then whole `tadam learn` processes on the
# reference's benchmark words, the loopback SSH and TLS captures and 100 000 noisy words (wall
# time and peak memory of the process, JVM start included); writes
# org.tadam.learner/BENCHMARKS-learner.md. Parts that need ../shared say so when it is absent.
# Usage: org.tadam.learner/bench/run-learner-bench.sh [quick|full] [PCAP_DIR] [SECTIONS]
# (SECTIONS: which of 1-7 to run, default 1234567; 6 = whole processes, 7 = coverage on captures of other
# implementations of the loopback protocols (../shared/data/pcaps/{ndpi,zeek,tcpdump}); 6 and 7 need the CLI built)
set -eu
module=$(cd "$(dirname "$0")/.." && pwd)
grid=${1:-quick}
pcaps=${2:-$module/../../shared/data/pcaps/loopback}
sections=${3:-1234567}
report="$module/BENCHMARKS-learner.md"
cd "$module/.."
root=$(pwd)
flock /tmp/tadam-mvn.lock ./mvnw -B -q -o -f org.tadam.learner/pom.xml test-compile \
  dependency:build-classpath -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
# the build lock is released before the (long) runs
inprocess=$(printf '%s' "$sections" | tr -d 67)
if [ -n "$inprocess" ]; then
  java -Xmx3g -XX:+UseParallelGC -cp "$cp" org.tadam.learner.bench.LearnerBench "$report" "$pcaps" "$grid" "$inprocess"
else
  printf '# TADAM learner benchmarks\n\n' > "$report"
fi
case "$sections" in *[67]*) ;; *) exit 0 ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench=${TADAM_BENCH_WORDS:-$pcaps/../../tadam-bench}   # ../shared/data/tadam-bench beside the captures

coverage_other() { # section 7: one `tadam learn` per protocol over the captures of other implementations
  other=$pcaps/..
  {
    printf '## 7. Coverage on captures of other implementations\n\n'
    printf 'Issue 12 asks for 95 %% of the training connections parsed without noise on captures of other implementations '
    printf 'of the loopback protocols too. One `tadam learn CAPTURES --service S` per protocol over the public captures below '
    printf '(nDPI, Zeek and tcpdump test captures: other clients, servers and networks), default options; the row is the summary line of `learn`.\n\n'
    printf '| service | captures | connections | parsed | states | edges | model bits | data bits | seconds |\n'
    printf '|---|---|---:|---:|---:|---:|---:|---:|---:|\n'
  } >> "$report"
  while IFS='|' read -r service globs; do
    # shellcheck disable=SC2086  # the globs are meant to expand
    files=$(cd "$other" && ls -d $globs 2>/dev/null | tr '\n' ' ')
    if [ -z "$files" ]; then
      echo "| $service | none under \`$other\` | | | | | | | |" >> "$report"
      continue
    fi
    # shellcheck disable=SC2086
    if ! (cd "$other" && "$root/tadam" learn $files --service "$service" -o "$work/other-$service" --no-progress) > "$work/other.txt" 2> "$work/err.txt"; then
      echo "| $service | \`$globs\` | failed: $(tail -1 "$work/err.txt") | | | | | | |" >> "$report"
      continue
    fi
    awk -v g="$globs" -v n="$(printf '%s' "$files" | wc -w)" 'NR > 1 && NF >= 10 {
        off = ($2 == "tcp" || $2 == "udp") ? 1 : 0; svc = $1 (off ? " " $2 : "")
        printf "| %s | %d files: `%s` | %s | %s %s %s | %s | %s | %s | %s | %s |\n", svc, n, g, $(2+off), $(3+off), $(4+off), $(5+off), $(6+off), $(7+off), $(8+off), $(9+off), $(10+off) }' \
      "$work/other.txt" >> "$report"
  done <<'GROUPS'
http|ndpi/http*.pcap* zeek/http/*.pcap*
https|ndpi/443-*.pcap ndpi/tls*.pcap* ndpi/chrome.pcap ndpi/firefox.pcap
ssh|ndpi/ssh.pcap tcpdump/ssh.pcap
dns|ndpi/dns*.pcap* tcpdump/dns*.pcap zeek/dns/*.pcap
mqtt|ndpi/mqtt.pcap zeek/mqtt.pcap
ftp|ndpi/ftp*.pcap zeek/ftp/*.pcap
smtp|ndpi/smtp*.pcap* zeek/smtp*.pcap zeek/smtp/*.pcap
ntp|tcpdump/ntp*.pcap zeek/ntp.pcap zeek/ntp/*.pcap
GROUPS
  printf '\n' >> "$report"
}

case "$sections" in
*6*)
  {
    printf '## 6. Whole processes\n\n'
    printf 'Each row is one `./tadam learn … -o DIR --no-progress` process on this machine (%s cores, %s): ' \
      "$(nproc)" "$(java -version 2>&1 | head -1)"
    printf 'wall time and peak resident memory from `/usr/bin/time`, JVM start, reading, learning, coverage and writing the model included; '
    printf '"learn s" is the learner'"'"'s own time from the summary table. The 100 000-word row runs with `TADAM_JAVA_OPTS=-Xmx2g`. '
    printf 'The reference implementation needed 864 s for clean_1000 (`../shared/data/tadam-bench/README.md`). '
    printf 'Load average (1, 5, 15 min) when these runs started: %s; other work on the machine stretches the times.\n\n' \
      "$(cut -d' ' -f1-3 /proc/loadavg)"

    printf '| input | command | connections | parsed | states | edges | total bits | learn s | wall s | peak RSS MB |\n'
    printf '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  } >> "$report"
  
  row() { # name, java options, then the learn arguments
    name=$1; opts=$2; shift 2
    out=$work/out.txt
    if ! TADAM_JAVA_OPTS="$opts" /usr/bin/time -f '%e %M' -o "$work/time.txt" ./tadam learn "$@" -o "$work/models" --no-progress > "$out" 2> "$work/err.txt"; then
      printf '| %s | `tadam learn %s` | failed: %s | | | | | | | |\n' "$name" "$*" "$(tail -1 "$work/err.txt")" >> "$report"
      return
    fi
    # the summary row of the largest service: service connections parsed (pct %) states edges model data seconds file
    # the command as the report shows it: without the temporary directory of generated inputs
    awk -v name="$name" -v cmd="$(printf 'tadam learn %s' "$*" | sed "s|$work/||g")" -v t="$(cat "$work/time.txt")" 'NR > 1 && $2+0 > best {best = $2+0; line = $0}
      END { n = split(line, f, /[ \t]+/); split(t, w, " ");
        printf "| %s | `%s` | %s | %s %s %s | %s | %s | %.1f | %s | %s | %.0f |\n", name, cmd, f[2], f[3], f[4], f[5], f[6], f[7], f[8] + f[9], f[10], w[1], w[2] / 1024 }' \
      "$out" >> "$report"
  }
  
  opts="-XX:+UseParallelGC -Xss4m -XX:MaxRAMPercentage=75 -XX:MaxNewSize=512m"   # the launcher's defaults
  if [ -d "$bench" ]; then
    for f in clean_1000 clean_5000; do
      row "$f" "$opts" --words "$bench/$f.txt"
    done
    # words with injected noise: no coverage floor (it would make structure of the noise)
    row noisy_1000 "$opts" --words "$bench/noisy_1000.txt" --min-coverage 0
  else
    echo "| tadam-bench | skipped: \`$bench\` is absent | | | | | | | | |" >> "$report"
  fi
  for p in ssh tls; do
    if [ -f "$pcaps/$p.pcap" ]; then
      row "loopback $p" "$opts" "$pcaps/$p.pcap"
    else
      echo "| loopback $p | skipped: \`$pcaps/$p.pcap\` is absent | | | | | | | | |" >> "$report"
    fi
  done
  java -cp "$cp" org.tadam.learner.bench.LearnerBench --write-words 100000 0.02 "$work/tcp-session-100k.words"
  row "100 000 words, 2 % noise" "-XX:+UseParallelGC -Xss4m -Xmx2g" --words "$work/tcp-session-100k.words" --min-coverage 0
  printf '\nLoad average (1, 5, 15 min) when the last run ended: %s.\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$report"
  ;;
esac
case "$sections" in *7*) coverage_other ;; esac
echo "wrote $report" >&2
