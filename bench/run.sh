#!/usr/bin/env bash
# Benchmarks aet against the NLP floor on generated corpora of growing size, and optionally runs the JMH
# microbenchmarks. Usage: bench/run.sh [--jmh] [WORDS ...]   (default sizes: 10000 100000 1000000)
#
# For each size, on the same generated text, it times
#   (a) the floor: bare Stanford CoreNLP with aet's annotators and settings (bench Floor);
#   (b) `aet code` end to end into an .xlsx, with an empty annotation cache;
#   (c) the same again with the cache warm (what re-coding after a codebook edit costs);
#   (d) the semantic layer's floor: the bare embedding model (BGE small) embedding exactly the texts aet
#       embeds, the sentence windows and the default codebook's own sentences (bench EmbeddingFloor), model
#       load included;
#   (e) `aet code` with the annotations cached but the embeddings not, then with both cached, so that the
#       difference is aet's whole embedding stage (model load, the codebook's sentences, the windows), and
#       its ratio to (d); three rounds, medians;
# and reports words per second, the ratio (b)/(a), peak resident memory and the xlsx size. aet runs with
# -Xmx2g, so a run that completes shows that 2 GiB of heap suffice. The last line of each size is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/.."

jmh=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --jmh) jmh=1 ;;
    *[!0-9]*|"") echo "usage: bench/run.sh [--jmh] [WORDS ...]" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

./mvnw -B -q -DskipTests install >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
jar=toolkit-cli/target/aet.jar
threads=$(nproc)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

# Runs a command, sampling its peak resident memory (VmHWM) from /proc; sets SECONDS_TAKEN and PEAK_RSS_MB.
measure() {
  local start end pid hwm=0 kb status=0
  start=$(date +%s.%N)
  "$@" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$kb" ] && [ "$kb" -gt "$hwm" ] && hwm=$kb
    sleep 0.05
  done
  wait "$pid" || status=$?
  end=$(date +%s.%N)
  if [ "$status" -ne 0 ]; then
    cat "$work/stderr" >&2
    echo "bench: command failed with exit code $status: $*" >&2
    exit 1
  fi
  SECONDS_TAKEN=$(calc "$end - $start")
  PEAK_RSS_MB=$((hwm / 1024))
}

for words in "${sizes[@]}"; do
  corpus="$work/corpus-$words"
  generated=$(java -cp "$cp" org.aet.bench.CorpusGenerator corpora/partnerships "$corpus" "$words")
  files=$(find "$corpus" -name '*.txt' | wc -l)
  echo "== $generated words in $files generated transcripts, $threads threads"

  floor_json=$(java -Xmx4g -cp "$cp" org.aet.bench.Floor "$corpus" "$threads")
  floor=$(echo "$floor_json" | sed -E 's/.*"floor_seconds": ([0-9.]+).*/\1/')

  cache="$work/cache-$words"
  out="$work/coded-$words.xlsx"
  measure java -Xmx2g -jar "$jar" code "$corpus" -o "$out" --cache "$cache" -q
  aet=$SECONDS_TAKEN
  rss=$PEAK_RSS_MB
  measure java -Xmx2g -jar "$jar" code "$corpus" -o "$out" --cache "$cache" -q --overwrite
  cached=$SECONDS_TAKEN
  cached_rss=$PEAK_RSS_MB
  # The embedding stage is a difference of two runs, so each figure is the median of three rounds, and
  # the ratio the median of the three rounds' ratios (this shared machine's speed drifts).
  floors=() stages=() ratios=()
  for round in 1 2 3; do
    embedding_json=$(java -Xmx2g -cp "$cp" org.aet.bench.EmbeddingFloor "$corpus")
    floors+=("$(echo "$embedding_json" | sed -E 's/.*"embedding_floor_seconds": ([0-9.]+).*/\1/')")
    windows=$(echo "$embedding_json" | sed -E 's/.*"windows": ([0-9]+).*/\1/')
    codebook_texts=$(echo "$embedding_json" | sed -E 's/.*"codebook_texts": ([0-9]+).*/\1/')
    rm -rf "$cache/embeddings"
    measure java -Xmx2g -jar "$jar" code "$corpus" -o "$out" --cache "$cache" -q --overwrite
    cold=$SECONDS_TAKEN
    measure java -Xmx2g -jar "$jar" code "$corpus" -o "$out" --cache "$cache" -q --overwrite
    stages+=("$(calc "$cold - $SECONDS_TAKEN")")
    ratios+=("$(calc "${stages[-1]} / ${floors[-1]}")")
  done
  median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
  embedding_floor=$(median "${floors[@]}")
  embedding_stage=$(median "${stages[@]}")
  embedding_ratio=$(median "${ratios[@]}")
  size_kb=$(( $(stat -c %s "$out") / 1024 ))
  ratio=$(calc "$aet / $floor")
  measure java -Xmx2g -jar "$jar" pseudonymise "$corpus" --key "$work/key-$words.csv" --accept-all \
    -o "$work/pseudonymised-$words"
  pseudo=$SECONDS_TAKEN
  pseudo_rss=$PEAK_RSS_MB

  printf 'floor (bare CoreNLP):  %7.2f s  %8.0f words/s\n' "$floor" "$(calc "$generated / $floor")"
  printf 'aet code to xlsx:      %7.2f s  %8.0f words/s  ratio %.2f  peak RSS %d MB\n' \
    "$aet" "$(calc "$generated / $aet")" "$ratio" "$rss"
  printf 'aet code, cache warm:  %7.2f s  %8.0f words/s  peak RSS %d MB\n' \
    "$cached" "$(calc "$generated / $cached")" "$cached_rss"
  printf 'embedding floor:       %7.2f s  %8.0f windows/s (bare BGE small, %d windows and %d codebook texts)\n' \
    "$embedding_floor" "$(calc "$windows / $embedding_floor")" "$windows" "$codebook_texts"
  printf 'aet embedding stage:   %7.2f s  %8.0f windows/s  ratio %.2f\n' \
    "$embedding_stage" "$(calc "$windows / $embedding_stage")" "$embedding_ratio"
  printf 'aet pseudonymise:      %7.2f s  %8.0f words/s  peak RSS %d MB\n' \
    "$pseudo" "$(calc "$generated / $pseudo")" "$pseudo_rss"
  printf 'xlsx: %d KB\n' "$size_kb"
  printf '{"words": %d, "floor_seconds": %.2f, "aet_seconds": %.2f, "ratio": %.3f, "cached_seconds": %.2f, "peak_rss_mb": %d, "cached_peak_rss_mb": %d, "xlsx_kb": %d, "pseudonymise_seconds": %.2f, "pseudonymise_peak_rss_mb": %d, "embedding_floor_seconds": %.2f, "embedding_stage_seconds": %.2f, "embedding_ratio": %.3f}\n' \
    "$generated" "$floor" "$aet" "$ratio" "$cached" "$rss" "$cached_rss" "$size_kb" "$pseudo" "$pseudo_rss" \
    "$embedding_floor" "$embedding_stage" "$embedding_ratio"
done

if [ "$jmh" = 1 ]; then
  echo "== JMH microbenchmarks"
  java -cp "$cp" org.openjdk.jmh.Main -rf json -rff "$work/jmh.json" 'RuleCoderBenchmark|XlsxExportBenchmark'
fi
