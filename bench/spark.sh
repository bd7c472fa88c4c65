#!/usr/bin/env bash
# Times the Spark runner against `aet code` on the same generated corpus, in the same run.
# Usage: bench/spark.sh [--no-semantic] [WORDS ...]   (default sizes: 1000000 10000000)
#
# For each size: `aet code -o x.jsonl` (threads = cores) and `aet spark code --master local[2]`, both with no
# annotation or embedding cache; words per second, words per second per core, the ratio Spark/aet, and peak
# resident memory (Spark local mode: driver and executor in one JVM, so that is the memory of one executor
# with its two task threads). The Spark output is checked to have the same lines as aet's. One JSON line per size.
set -euo pipefail
cd "$(dirname "$0")/.."

semantic=()
sizes=()
for arg in "$@"; do
  case "$arg" in
    --no-semantic) semantic=(--no-semantic) ;;
    *[!0-9]*|"") echo "usage: bench/spark.sh [--no-semantic] [WORDS ...]" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)

./mvnw -B -q -DskipTests install >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
cores=2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

# Runs a command, sampling the peak resident memory (VmHWM) of it and its children; sets SECONDS_TAKEN, PEAK_RSS_MB.
measure() {
  local start end pid hwm=0 kb status=0 p
  start=$(date +%s.%N)
  "$@" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
      kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      [ -n "$kb" ] && [ "$kb" -gt "$hwm" ] && hwm=$kb
    done
    sleep 0.1
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
  AET_JAVA_OPTS=-Xmx2g measure ./aet code "$corpus" --no-cache --threads "$cores" "${semantic[@]}" \
    -o "$work/aet-$words.jsonl"
  aet_s=$SECONDS_TAKEN; aet_mb=$PEAK_RSS_MB
  AET_JAVA_OPTS=-Xmx2g measure ./aet spark code "$corpus" --master "local[$cores]" "${semantic[@]}" \
    -o "$work/spark-$words"
  spark_s=$SECONDS_TAKEN; spark_mb=$PEAK_RSS_MB
  same=false
  if cmp -s "$work/aet-$words.jsonl" <(cat "$work/spark-$words"/segments.jsonl/part-*); then same=true; fi
  printf '{"words":%s,"semantic":%s,"cores":%s,"aet_seconds":%.1f,"spark_seconds":%.1f,"overhead":%.3f,' \
    "$generated" "$([ ${#semantic[@]} -eq 0 ] && echo true || echo false)" "$cores" "$aet_s" "$spark_s" \
    "$(calc "$spark_s / $aet_s")"
  printf '"aet_words_per_s_per_core":%.0f,"spark_words_per_s_per_core":%.0f,"aet_peak_mb":%s,' \
    "$(calc "$generated / $aet_s / $cores")" "$(calc "$generated / $spark_s / $cores")" "$aet_mb"
  printf '"spark_executor_peak_mb":%s,"same_lines":%s}\n' "$spark_mb" "$same"
  rm -rf "$corpus" "$work/aet-$words.jsonl" "$work/spark-$words"
done
