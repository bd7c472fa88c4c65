#!/usr/bin/env bash
# Sentence windows embedded as one text each, against windows made from their sentences' vectors (each
# sentence embedded once): words per second end to end, cold. Usage: bench/window-vectors.sh [WORDS ...]
# (default 100000).
#
# For each size it generates a corpus (the bench module's CorpusGenerator, as bench/run.sh does) and, in three
# rounds, times `aet code CORPUS --no-cache -o coded.xlsx --window-vectors HOW` for each HOW in turn (the two
# alternate, so a shared machine's drift falls on both), as whole processes with -Xmx2g under /usr/bin/time:
# wall and CPU seconds (user + system), medians of the rounds. Then the bare model's floor for each
# (bench EmbeddingFloor: exactly the texts each embeds, model load included). It checks that both runs coded
# the same segments. The last line of each size is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
for s in "${sizes[@]}"; do
  case "$s" in *[!0-9]*|"") echo "usage: bench/window-vectors.sh [WORDS ...]" >&2; exit 2 ;; esac
done

./mvnw -B -q -o -DskipTests install >/dev/null 2>&1 || ./mvnw -B -q -DskipTests install >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy of what was built, so that a rebuild while this runs changes nothing.
mkdir -p "$work/aet" "$work/bench"
cp -r toolkit-cli/target/aet.jar toolkit-cli/target/lib "$work/aet/"
cp -r bench/target/classes "$work/bench/"
cp="$work/bench/classes:$(cat bench/target/classpath.txt)"
jar="$work/aet/aet.jar"

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

# Times a command; sets WALL and CPU (seconds).
timed() {
  if ! /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr"; then
    cat "$work/stderr" >&2
    echo "bench: command failed: $*" >&2
    exit 1
  fi
  read -r WALL user sys <"$work/time"
  CPU=$(calc "$user + $sys")
}

for words in "${sizes[@]}"; do
  corpus="$work/corpus-$words"
  generated=$(java -cp "$cp" org.aet.bench.CorpusGenerator corpora/partnerships "$corpus" "$words")
  echo "== $generated words in $(find "$corpus" -name '*.txt' | wc -l) generated transcripts, $(nproc) cores"
  declare -A walls=() cpus=()
  for round in 1 2 3; do
    for how in windows sentences; do
      timed java -Xmx2g -jar "$jar" code "$corpus" --no-cache -q --overwrite --window-vectors "$how" \
        -o "$work/coded-$how.xlsx" --labels "$work/labels-$how.jsonl"
      walls[$how]="${walls[$how]:-} $WALL"
      cpus[$how]="${cpus[$how]:-} $CPU"
      echo "round $round, $how: wall $WALL s, CPU $CPU s, load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  same=$(cmp -s <(jq -r .segment_id "$work/labels-windows.jsonl") \
    <(jq -r .segment_id "$work/labels-sentences.jsonl") && echo true || echo false)
  json="{\"words\": $generated, \"same_segments\": $same"
  for how in windows sentences; do
    # shellcheck disable=SC2086
    wall=$(median ${walls[$how]})
    # shellcheck disable=SC2086
    cpu=$(median ${cpus[$how]})
    floor_json=$(java -Xmx2g -cp "$cp" org.aet.bench.EmbeddingFloor "$corpus" "$how")
    floor=$(echo "$floor_json" | sed -E 's/.*"embedding_floor_seconds": ([0-9.]+).*/\1/')
    texts=$(echo "$floor_json" | sed -E 's/.*"windows": ([0-9]+).*/\1/')
    text_words=$(echo "$floor_json" | sed -E 's/.*"window_words": ([0-9]+).*/\1/')
    printf '%-9s  end to end %7.2f s wall, %7.2f s CPU, %6.0f words/s; embedding floor %6.2f s for %d texts (%d words)\n' \
      "$how" "$wall" "$cpu" "$(calc "$generated / $wall")" "$floor" "$texts" "$text_words"
    json="$json, \"${how}_wall_seconds\": $wall, \"${how}_cpu_seconds\": $cpu, \"${how}_words_per_second\": $(calc "$generated / $wall"), \"${how}_embedding_floor_seconds\": $floor, \"${how}_texts\": $texts, \"${how}_text_words\": $text_words"
  done
  echo "$json}"
done
