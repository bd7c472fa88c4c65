#!/usr/bin/env bash
# Times the Spark runner against `aet code` on the same generated corpus, in the same run.
# Usage: bench/spark.sh [--no-semantic] [--no-build] [WORDS ...]   (default sizes: 1000000 10000000)
# (--no-build: aet and the Spark runner are already built from these sources.)
#
# For each size: `aet code -o x.jsonl` (threads = cores) and `aet spark code --master local[2]`, both with no
# annotation or embedding cache; words per second, words per second per core, the ratio Spark/aet, and peak
# resident memory (Spark local mode: driver and executor in one JVM, so that is the memory of one executor
# with its two task threads). The Spark output is checked to have the same lines as aet's. One JSON line per size,
# with the machine's load (1-minute average) just before each of the two runs: on a shared machine a figure taken
# under load is slower, so repeat a size whose load was high.
set -euo pipefail
cd "$(dirname "$0")/.."

semantic=()
sizes=()
build=1
for arg in "$@"; do
  case "$arg" in
    --no-semantic) semantic=(--no-semantic) ;;
    --no-build) build=0 ;;
    *[!0-9]*|"") echo "usage: bench/spark.sh [--no-semantic] [--no-build] [WORDS ...]" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)

[ "$build" = 0 ] || ./mvnw -B -q -DskipTests install >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
cores=2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

# Runs a command under /usr/bin/time; sets SECONDS_TAKEN (wall), CPU_SECONDS (user + system: less moved by other
# work on a shared machine than the wall time), PEAK_RSS_MB (the peak resident memory of the process) and LOAD (the
# 1-minute load average as it started).
measure() {
  local status=0 wall user sys kb
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$work/stderr" >&2
    echo "bench: command failed with exit code $status: $*" >&2
    exit 1
  fi
  read -r wall user sys kb < <(tail -n 1 "$work/time")
  SECONDS_TAKEN=$wall
  CPU_SECONDS=$(calc "$user + $sys")
  PEAK_RSS_MB=$((kb / 1024))
}

for words in "${sizes[@]}"; do
  corpus="$work/corpus-$words"
  generated=$(java -cp "$cp" org.aet.bench.CorpusGenerator corpora/partnerships "$corpus" "$words")
  AET_JAVA_OPTS=-Xmx2g measure ./aet code "$corpus" --no-cache --threads "$cores" "${semantic[@]}" \
    -o "$work/aet-$words.jsonl"
  aet_s=$SECONDS_TAKEN; aet_cpu=$CPU_SECONDS; aet_mb=$PEAK_RSS_MB; aet_load=$LOAD
  AET_JAVA_OPTS=-Xmx2g measure ./aet spark code "$corpus" --master "local[$cores]" "${semantic[@]}" \
    -o "$work/spark-$words"
  spark_s=$SECONDS_TAKEN; spark_cpu=$CPU_SECONDS; spark_mb=$PEAK_RSS_MB; spark_load=$LOAD
  same=false
  if cmp -s "$work/aet-$words.jsonl" <(cat "$work/spark-$words"/segments.jsonl/part-*); then same=true; fi
  printf '{"words":%s,"semantic":%s,"cores":%s,"aet_seconds":%.1f,"spark_seconds":%.1f,"overhead":%.3f,' \
    "$generated" "$([ ${#semantic[@]} -eq 0 ] && echo true || echo false)" "$cores" "$aet_s" "$spark_s" \
    "$(calc "$spark_s / $aet_s")"
  printf '"aet_words_per_s_per_core":%.0f,"spark_words_per_s_per_core":%.0f,"aet_peak_mb":%s,' \
    "$(calc "$generated / $aet_s / $cores")" "$(calc "$generated / $spark_s / $cores")" "$aet_mb"
  printf '"spark_executor_peak_mb":%s,"same_lines":%s,"aet_cpu_seconds":%.1f,"spark_cpu_seconds":%.1f,' \
    "$spark_mb" "$same" "$aet_cpu" "$spark_cpu"
  printf '"cpu_overhead":%.3f,"aet_load":%s,"spark_load":%s}\n' "$(calc "$spark_cpu / $aet_cpu")" \
    "$aet_load" "$spark_load"
  rm -rf "$corpus" "$work/aet-$words.jsonl" "$work/spark-$words"
done
