#!/usr/bin/env bash
# Realism benchmark (issue 13): `tadam eval --learn` on each capture (learn on the first half of every
# service, generate as many connections as the second half has, compare with it), then the headline
# figures per service into org.tadam.eval/BENCHMARKS-realism.md. That page is written by this script only.
# Usage: scripts/bench-realism.sh [CAPTURE...]
#   default: every capture in ../shared/data/pcaps/loopback (skipped with a message when that is absent)
# Work files (report.html, summary.json, models, generated captures, logs): out/bench-realism/NAME/
# Needs: a built CLI (built here when missing), jq; tshark and ndpiReader are optional judges.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
page=org.tadam.eval/BENCHMARKS-realism.md
work=out/bench-realism
loopback=../shared/data/pcaps/loopback
if (($# == 0)); then
  if [[ ! -d $loopback ]]; then
    echo "bench-realism: $loopback is absent: nothing to measure (give captures as arguments)" >&2
    exit 0
  fi
  set -- "$loopback"/*.pcap
fi
command -v jq >/dev/null || { echo "bench-realism: jq is needed (scripts/setup.sh installs it)" >&2; exit 2; }
if [[ ! -f org.tadam.cli/target/org.tadam.cli.jar ]]; then
  echo "bench-realism: building the command line" >&2
  flock /tmp/tadam-mvn.lock ./mvnw -B -q -o install -DskipTests -pl org.tadam.cli -am
fi
mkdir -p "$work"

# one table row per compared service of a summary.json; $1 capture name, $2 wall seconds
rows() {
  jq -r --arg cap "$1" --arg wall "$2" '
    def r1: (. * 10 | round) / 10 | tostring;
    def judged($tool; f): .judges[$tool] as $t
      | if $t == null then "not asked"
        elif $t.generated.status == "ok" and $t.real.status == "ok" then "\($t.generated | f) (\($t.real | f))"
        else "\($tool) \(if $t.generated.status == "ok" then $t.real.status else $t.generated.status end)" end;
    def ratio: if .floorZero then "inf" elif .ratio == null then "-" else (.ratio | r1) end;
    def replayed: [.metrics[] | .jsd, .emd, .ks | select(. != null and .generated != null and .replay != null)];
    def within: select(.generated == 0 or (.replay > 0 and .generated <= 2 * .replay));
    def replayWithinFloor: select(.replay == 0 or (.floor > 0 and .replay <= 2 * .floor));
    .services[] | select(.tooSmall == null) | . as $s
    | [$cap, .label, "\(.connections.real) / \(.connections.generated)",
       judged("tshark"; .malformedPer1000 | r1),
       judged("tshark"; .expertPer1000 | r1),
       judged("nDPI"; "\(.contentRate * 100 | r1) %"),
       (if .worst == null then "-" else "\(.worst | ratio) (\($s.metrics[.worst.metric].label) \(.worst.distance | ascii_upcase))" end),
       "\([replayed[] | within] | length) / \(replayed | length)",
       "\([replayed[] | replayWithinFloor] | length) / \(replayed | length)",
       "\([.goals[] | select(.met == true)] | length) / \([.goals[] | select(.met != null)] | length)",
       ([.goals[] | select(.met == false) | .goal] | if length == 0 then "-" else join("; ") end),
       $wall]
    | "| " + join(" | ") + " |"' "$3"
}

# the distances above twice their floor, largest first (at most 8)
beyond() {
  jq -r --arg cap "$1" '
    .services[] | select(.tooSmall == null) | .label as $l
    | [.metrics | to_entries[] | .value as $m | ("jsd", "emd", "ks") as $d | select($m[$d] != null)
       | {name: "\($m.label) \($d | ascii_upcase)", r: (if $m[$d].floorZero then 1e300 else $m[$d].ratio end),
          p: $m[$d].replayRatio}
       | select(.r != null and .r > 2)]
    | sort_by(-.r) | .[:8]
    | map("\(.name) \(if .r >= 1e300 then "inf" else ((.r * 10 | round) / 10 | tostring) end)"
          + " (replay \(if .p == null then "-" else ((.p * 10 | round) / 10 | tostring) end))")
    | "- \($cap) \($l): " + (if length == 0 then "none" else join(", ") end)' "$2"
}

table=()
details=()
commands=()
names=()
for capture in "$@"; do
  name=$(basename "$capture")
  name=${name%.*}
  out=$work/$name
  rm -rf "$out"
  mkdir -p "$out"
  command="./tadam eval --learn $capture -o $out"
  commands+=("$command")
  names+=("$name")
  echo "bench-realism: $command" >&2
  start=$(date +%s%N)
  status=0
  ./tadam eval --learn "$capture" -o "$out" >"$out/table.txt" 2>"$out/eval.log" || status=$?
  wall=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  if ((status != 0)); then
    table+=("| $name | failed (exit $status): $(tail -n 1 "$out/eval.log" | tr '|' '/') | | | | | | | | $wall |")
    continue
  fi
  while IFS= read -r row; do table+=("$row"); done < <(rows "$name" "$wall" "$out/summary.json")
  while IFS= read -r line; do details+=("$line"); done < <(beyond "$name" "$out/summary.json")
  small=$(jq '[.services[] | select(.tooSmall != null)] | length' "$out/summary.json")
  if ((small > 0)); then
    details+=("- $name: $small more services too small to compare (fewer than 20 connections in a half)")
  fi
done

first=$(ls "$work"/*/summary.json 2>/dev/null | head -n 1)
judges=$(jq -r '.judges | to_entries | map("\(.key): \(.value.real)") | join("; ")' "${first:-/dev/null}" 2>/dev/null || true)
skipped=()
if [[ -d $loopback ]]; then
  for f in "$loopback"/*.pcap; do
    n=$(basename "$f" .pcap)
    [[ " ${names[*]} " == *" $n "* ]] || skipped+=("$n")
  done
fi

tmp=$(mktemp "$page.XXXXXX")
{
  echo "# Realism benchmark (tadam eval --learn)"
  echo
  echo "Written by \`scripts/bench-realism.sh\` (do not edit by hand) on $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)."
  echo "Judges: ${judges:-none ran}."
  echo
  echo "Protocol (issue 13): for each capture, learn one model per service on the first half of its connections (by start time),"
  echo "compile it, run the generator (\`java -jar\`, \`--seed 1\`) for as many connections as the second half has, and compare"
  echo "the generated connections with the second half. Every distance is read against its floor, the same distance between the"
  echo "first and the second half (ratio = distance / floor; inf: the halves agree exactly and the generated traffic does not)."
  echo "\"real\" in the judge columns is the second half. Goals: malformed frames 0; tshark expert errors + warnings per 1000"
  echo "connections <= 1.5x real; nDPI content detection >= 90 % of real; every distance <= 2x its floor."
  echo "Replay reference (not a goal): the median distance between the second half and as many connections drawn at random,"
  echo "with replacement, from the first half, i.e. what sampling alone costs a perfect generator of the training half; a"
  echo "scripted capture whose halves repeat the same scripts in the same numbers has a floor near 0 that no independently"
  echo "drawn sample meets. \"within 2x replay\" counts the distances at most twice that reference; \"replay within 2x floor\""
  echo "counts those where the reference itself meets the floor goal, i.e. where the goal is within reach of sampling."
  echo "Wall time: the whole \`tadam eval --learn\` process (reading, learning, compiling, generating, tshark, nDPI, report)."
  echo
  echo "| capture | service | connections real / gen | malformed /1000 gen (real) | expert err+warn /1000 gen (real) | nDPI by content gen (real) | worst distance / floor | distances within 2x replay | replay within 2x floor | goals met | goals missed | wall s |"
  echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|"
  printf '%s\n' "${table[@]}"
  echo
  echo "## Distances above twice their floor (with distance / replay reference)"
  echo
  printf '%s\n' "${details[@]}"
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "scripts/bench-realism.sh $*"
  printf '%s\n' "${commands[@]}"
  echo '```'
  if ((${#skipped[@]})); then
    echo
    echo "Not measured in this run: ${skipped[*]} (\`scripts/bench-realism.sh $loopback/NAME.pcap\`)."
  fi
} >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$page"
echo "bench-realism: wrote $page" >&2
