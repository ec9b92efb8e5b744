#!/usr/bin/env bash
# Anomaly benchmark (issue 14): `tadam bench-anomaly` on every protocol of ../shared/data/anomaly (train on
# ../shared/data/pcaps/loopback/PROTO.pcap, test PROTO-dev.pcap with its labels), then the AU-ROC of every
# detector per (protocol, attack), the means, the goals and the whole-process wall times into
# org.tadam.eval/BENCHMARKS-anomaly.md, with the ground-truth words of ../shared/data/tadam-bench (item 5). That page is
# written by this script only, from the runs' output.
# Usage: scripts/bench-anomaly.sh [PROTO...]     default: dns ftp http smtp ssh
# Work files (report.html, summary.json, scores.tsv, models, logs): out/bench-anomaly/PROTO/
# Needs: a built CLI (built here when missing), jq. SSH takes several minutes (TADAM learns it twice).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
page=org.tadam.eval/BENCHMARKS-anomaly.md
work=out/bench-anomaly
data=../shared/data/anomaly
loopback=../shared/data/pcaps/loopback
if [[ ! -d $data || ! -d $loopback ]]; then
  echo "bench-anomaly: $data or $loopback is absent: nothing to measure" >&2
  exit 0
fi
(($# > 0)) || set -- dns ftp http smtp ssh
command -v jq >/dev/null || { echo "bench-anomaly: jq is needed (scripts/setup.sh installs it)" >&2; exit 2; }
if [[ ! -f org.tadam.cli/target/org.tadam.cli.jar ]]; then
  echo "bench-anomaly: building the command line" >&2
  flock /tmp/tadam-mvn.lock ./mvnw -B -q -o install -DskipTests -pl org.tadam.cli -am
fi
# a private copy of the command line: a rebuild during the runs must not change what is measured
cli=$(mktemp -d)
trap 'rm -rf "$cli"' EXIT
cp -r org.tadam.cli/target/org.tadam.cli.jar org.tadam.cli/target/lib "$cli/"
tadam() {
  # shellcheck disable=SC2086  # TADAM_JAVA_OPTS is a list of JVM options, as in ./tadam
  java ${TADAM_JAVA_OPTS:--XX:+UseParallelGC -Xss4m -XX:MaxRAMPercentage=75} -cp "$cli/org.tadam.cli.jar:$cli/lib/*" \
    org.tadam.cli.TadamCli "$@"
}
mkdir -p "$work"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
commands=()
summaries=()
times=()
for proto in "$@"; do
  out=$work/$proto
  rm -rf "$out"
  mkdir -p "$out"
  # the labels' UDP connections are split at gaps over 5 s (../shared/data/anomaly/README.md)
  args=(bench-anomaly --train "$loopback/$proto.pcap" --test "$data/$proto-dev.pcap" --labels "$data/$proto-dev.labels.tsv"
    -o "$out" --udp-timeout 5)
  commands+=("./tadam ${args[*]}")
  echo "bench-anomaly: ./tadam ${args[*]}" >&2
  start=$(date +%s%N)
  status=0
  tadam "${args[@]}" >"$out/table.txt" 2>"$out/bench.log" || status=$?
  wall=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  if ((status != 0)); then
    echo "bench-anomaly: $proto failed (exit $status): $(tail -n 1 "$out/bench.log")" >&2
    times+=("| $proto | failed (exit $status): $(tail -n 1 "$out/bench.log" | tr '|' '/') | |")
    continue
  fi
  summaries+=("$out/summary.json")
  seconds=$(awk '$1 == "seconds" { $1 = ""; sub(/^ +/, ""); gsub(/ +/, " / "); print }' "$out/table.txt")
  times+=("| $proto | $wall | $seconds |")
done
((${#summaries[@]} > 0)) || { echo "bench-anomaly: every run failed" >&2; exit 1; }

# item 5: the ground-truth words (train clean_1000, score noisy_1000: its noisy words against its clean ones). The two
# files get one name in two directories: a reference-format file's words take their service from the file's name.
bench=../shared/data/tadam-bench
words_summary=
if [[ -f $bench/clean_1000.txt && -f $bench/noisy_1000.txt && -f $bench/noisy_1000.ops.tsv ]]; then
  out=$work/words
  rm -rf "$out"
  mkdir -p "$out/train" "$out/test"
  cp "$bench/clean_1000.txt" "$out/train/bench.txt"
  cp "$bench/noisy_1000.txt" "$out/test/bench.txt"
  awk -F'\t' 'NR == FNR { if (FNR > 1) noisy[$1] = 1; next } { print FNR "\t" (FNR in noisy ? "noisy" : "normal") }' \
    "$bench/noisy_1000.ops.tsv" "$bench/noisy_1000.txt" >"$out/labels.tsv"
  args=(bench-anomaly --train-words "$out/train/bench.txt" --test-words "$out/test/bench.txt" --labels "$out/labels.tsv" -o "$out")
  words_command="./tadam ${args[*]}"
  echo "bench-anomaly: $words_command" >&2
  start=$(date +%s%N)
  if tadam "${args[@]}" >"$out/table.txt" 2>"$out/bench.log"; then
    words_summary=$out/summary.json
    words_wall=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  else
    echo "bench-anomaly: ground-truth words failed: $(tail -n 1 "$out/bench.log")" >&2
  fi
fi

# fixed decimals for the page (jq 1.6 has no printf): x | fixed(3) → "0.937", "1.000"
fmt='def fixed($d): (pow(10; $d)) as $s | (. * $s | round) as $i | ($i / $s | floor | tostring) + "."
  + (("0" * $d) + (($i % $s) | tostring))[-$d:];'

# every (protocol, attack) pair of every summary, one JSON object each
pairs=$(jq -c '(.test | capture("(?<p>[^/]+)-dev\\.pcap$").p) as $proto | .detectors as $ds
  | .auroc | to_entries[] | {proto: $proto, attack: .key, n: .value.connections,
    areas: [$ds[].name as $d | .value[$d]]}' "${summaries[@]}")
detectors=$(jq -r '[.detectors[].name] | join("\t")' "${summaries[0]}")
IFS=$'\t' read -r -a names <<<"$detectors"

{
  echo "# Anomaly detection benchmark (issue 14)"
  echo
  echo "Written by \`scripts/bench-anomaly.sh\` from the output of \`tadam bench-anomaly\` only, $(date -u +%Y-%m-%d)"
  echo "on $(nproc) cores, $(java -version 2>&1 | head -n 1). Data: \`$data\` (the development part: normal"
  echo "sessions and real attacks against the servers of \`$loopback\`); every detector learns on"
  echo "\`$loopback/PROTO.pcap\` and scores every connection of \`PROTO-dev.pcap\`; AU-ROC of \`normal\` against each"
  echo "attack label (ties count one half). Detectors and scores: \`org.tadam.eval/README.md\`, section *Anomaly benchmark*;"
  echo "each run's \`report.html\` (ROC curves) and \`summary.json\` are in \`$work/PROTO/\`."
  echo
  echo "## Commands"
  echo
  echo '```'
  printf '%s\n' "${commands[@]}"
  echo '```'
  echo
  echo "## AU-ROC per (protocol, attack)"
  echo
  printf '| protocol | attack | connections |'
  printf ' %s |' "${names[@]}"
  echo
  printf '|---|---|---:|'
  printf -- '---:|%.0s' "${names[@]}"
  echo
  jq -r "$fmt"'"| \(.proto) | \(.attack) | \(.n) | " + ([.areas[] | if . == null then "undefined" else fixed(3) end]
    | join(" | ")) + " |"' <<<"$pairs"
  jq -rs "$fmt"'(.[0].areas | length) as $k
    | "| **mean** | \(length) pairs | | " + ([range(0; $k) as $d | [.[].areas[$d] | select(. != null)] | add / length
        | "**\(fixed(4))**"] | join(" | ")) + " |",
      "| minimum | | | " + ([range(0; $k) as $d | [.[].areas[$d] | select(. != null)] | min | fixed(3)] | join(" | ")) + " |"' <<<"$pairs"
  echo
  echo "## Goals (issue 14, item 4)"
  echo
  jq -rs --arg names "$detectors" "$fmt"'($names | split("\t")) as $names
    | [.[] | select(.areas[0] != null)] as $p
    | ([$p[].areas[0]] | add / length) as $mean
    | ($p | min_by(.areas[0])) as $low
    | [$p[] | select(. as $x | all($x.areas[1:][] | select(. != null); $x.areas[0] >= .))] as $won
    | [$p[] | select(. as $x | any($x.areas[1:][] | select(. != null); $x.areas[0] < .))] as $lost
    | "- TADAM mean AU-ROC over \($p | length) pairs: \($mean | fixed(4)) (goal ≥ 0.99): "
        + (if $mean >= 0.99 then "**met**" else "**not met**" end),
      "- lowest TADAM AU-ROC: \($low.areas[0] | fixed(3)) (\($low.proto) \($low.attack); goal ≥ 0.90): "
        + (if $low.areas[0] >= 0.9 then "**met**" else "**not met**" end),
      "- TADAM ≥ every baseline on \($won | length) of \($p | length) pairs (\(($won | length) * 1000 / ($p | length) | round / 10) %; goal ≥ 80 %): "
        + (if ($won | length) >= 0.8 * ($p | length) then "**met**" else "**not met**" end),
      ($lost[] | . as $x | "  - below a baseline: \($x.proto) \($x.attack): TADAM \($x.areas[0] | fixed(3)); "
        + ([range(1; $names | length) as $d | select($x.areas[$d] != null and $x.areas[$d] > $x.areas[0])
            | "\($names[$d]) \($x.areas[$d] | fixed(3))"] | join(", "))),
      "- ranking by mean AU-ROC: " + ([range(0; $names | length) as $d
          | {n: $names[$d], m: ([$p[].areas[$d] | select(. != null)] | add / length)}] | sort_by(-.m)
          | map("\(.n) \(.m | fixed(4))") | join(" > "))' <<<"$pairs"
  # the paper's ranking (TADAM > state-merging > Markov chain > HMM): for every two detectors it orders
  # that rank the other way here, the pairs that give the lower one its lead and the reasons both gave
  # that attack's connections
  jq -rs --arg names "$detectors" "$fmt"'($names | split("\t")) as $names
    | ["TADAM", "LearnLib MDL", "Markov chain", "HMM"] as $paper
    | [.[] | select(.areas[0] != null)] as $p | ($p | length) as $k
    | [$paper[] as $n | $names | index($n) | select(. != null)] as $order
    | range(0; $order | length) as $i | range($i + 1; $order | length) as $j
    | $order[$i] as $hi | $order[$j] as $lo
    | ([$p[].areas[$hi] | select(. != null)] | add / length) as $mh
    | ([$p[].areas[$lo] | select(. != null)] | add / length) as $ml
    | select($ml > $mh)
    | [$p[] | select(.areas[$lo] != null and .areas[$hi] != null and .areas[$lo] > .areas[$hi])] as $ahead
    | "\($hi)\t\($lo)\t\($ml - $mh | fixed(4))\t\([$ahead[] | (.areas[$lo] - .areas[$hi]) / $k] | add | fixed(4))\t"
        + ([$ahead[] | "\(.proto) \(.attack)"] | join(","))' <<<"$pairs" |
    while IFS=$'\t' read -r hi lo lead share ahead; do
      printf -- '- why %s ranks above %s (the paper has them the other way): its mean is higher by %s; the pairs where it beats %s add %s to it (each pair weighs 1/%s of the mean):\n' \
        "${names[lo]}" "${names[hi]}" "$lead" "${names[hi]}" "$share" "$(jq -s 'length' <<<"$pairs")"
      IFS=',' read -r -a list <<<"$ahead"
      for pa in "${list[@]}"; do
        proto=${pa%% *}; attack=${pa#* }
        awk -F'\t' -v attack="$attack" -v lc=$((8 + 2 * lo)) -v hc=$((8 + 2 * hi)) -v proto="$proto" \
          -v ln="${names[lo]}" -v hn="${names[hi]}" '
          $5 == attack { n++; a[$lc]++; b[$hc]++ }
          END {
            r = ""; for (k in a) r = r (r == "" ? "" : ", ") a[k] " " k
            q = ""; for (k in b) q = q (q == "" ? "" : ", ") b[k] " " k
            printf "  - %s %s (%d connections): %s gives them %s; %s %s\n", proto, attack, n, ln, r, hn, q
          }' "$work/$proto/scores.tsv"
      done
    done
  echo
  echo "### Where TADAM ranks below a baseline"
  echo
  echo "For each such pair, from \`scores.tsv\`: how many normal connections score at or above the attack's lowest-scored"
  echo "connection, under TADAM (with the reasons TADAM gives them) and under the best baseline of that pair."
  echo
  # proto, attack and the column (1-based, in scores.tsv) of the pair's best baseline, one line per lost pair
  jq -r '[.areas[0], (.areas[1:] | to_entries | map(select(.value != null)) | max_by(.value))] as [$t, $b]
    | select($b.value > $t) | "\(.proto)\t\(.attack)\t\(7 + 2 * ($b.key + 1))"' <<<"$pairs" |
    while IFS=$'\t' read -r proto attack column; do
      awk -F'\t' -v attack="$attack" -v b="$column" -v proto="$proto" '
        NR == 1 { name = $b; next }
        $5 == "normal" { n++; t[n] = $7; r[n] = $8; s[n] = $b }
        $5 == attack { if (!seen++ || $7 < mt) mt = $7; if (seen == 1 || $b < mb) mb = $b }
        END {
          for (i = 1; i <= n; i++) {
            if (t[i] >= mt) { above++; why[r[i]]++ }
            if (s[i] >= mb) baseline++
          }
          reasons = ""
          for (k in why) reasons = reasons (reasons == "" ? "" : ", ") k " " why[k]
          printf "- %s %s: TADAM %d of %d normal connections (%s); %s %d\n", proto, attack, above, n,
            (reasons == "" ? "none" : reasons), name, baseline
        }' "$work/$proto/scores.tsv"
    done
  echo
  echo "## Ground-truth words (issue 14, item 5)"
  echo
  if [[ -n $words_summary ]]; then
    echo "Train on \`$bench/clean_1000.txt\`, score every word of \`noisy_1000.txt\`: AU-ROC of its $(jq '.connections.perLabel.noisy' "$words_summary")"
    echo "noisy words (one deletion, swap or duplication each, \`noisy_1000.ops.tsv\`) against its"
    echo "$(jq '.connections.perLabel.normal' "$words_summary") clean ones; whole process $words_wall s. The files are copied under one name (\`bench.txt\`),"
    echo "and the labels written from the ops file, by the script:"
    echo
    echo '```'
    echo "$words_command"
    echo '```'
    echo
    printf '| words | noisy |'
    printf ' %s |' "${names[@]}"
    echo
    printf '|---|---:|'
    printf -- '---:|%.0s' "${names[@]}"
    echo
    jq -r --arg names "$detectors" "$fmt"'($names | split("\t")) as $names | .auroc.noisy as $a
      | "| noisy_1000 | \($a.connections) | " + ([$names[] | $a[.] | if . == null then "undefined" else fixed(3) end] | join(" | ")) + " |",
        "",
        "- TADAM: \($a.TADAM | fixed(3)) (goal ≥ 0.97): " + (if $a.TADAM >= 0.97 then "**met**" else "**not met**" end)' "$words_summary"
  else
    echo "Not measured: \`$bench\` is absent or its run failed (see \`$work/words/bench.log\`)."
  fi
  echo
  echo "## Label matching"
  echo
  echo "| protocol | test connections | labelled | unlabelled connections | label rows matching no connection |"
  echo "|---|---:|---:|---:|---:|"
  jq -r '(.test | capture("(?<p>[^/]+)-dev\\.pcap$").p) as $proto | .connections
    | "| \($proto) | \(.test) | \(.test - .unlabelled) | \(.unlabelled) | \(.unmatchedRows | length) |"' "${summaries[@]}"
  echo
  echo "## Times"
  echo
  echo "Whole process (reading both captures, learning every detector, scoring, writing the report), and the seconds"
  echo "each detector spent learning and scoring (in the order: ${names[*]}). Load average $load_before when the runs started and"
  echo "$(cut -d' ' -f1-3 /proc/loadavg) when they ended (other work on the machine stretches these times, not the AU-ROC)."
  echo
  echo "| protocol | wall seconds | seconds per detector |"
  echo "|---|---:|---|"
  printf '%s\n' "${times[@]}"
} >"$page"
echo "bench-anomaly: wrote $page" >&2
