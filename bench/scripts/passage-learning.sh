#!/usr/bin/env bash
# What each part of passage-level learning adds (learning.PassageModel), leave one hearing out over the seven
# labelled Senedd hearings of ../shared/gold: the turn-level yardstick (a turn's mean meaning and its words), then
# the best sentence window, refined on each coded turn's best window, with the window's words, with "like the
# passages you coded". Per pole and pooled: right, wrong, coded, precision, recall, kappa.
# Usage: bench/scripts/passage-learning.sh [SHARED] [CACHE]   (defaults ../shared, /tmp/aet-loho/cache: the cache leave-one-hearing-out.sh fills)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${1:-$ROOT/../shared}
CACHE=${2:-/tmp/aet-loho/cache}
cd "$ROOT"
./mvnw -B -q -DskipTests install >/dev/null
GOLD=$(mktemp --suffix=.jsonl)
trap 'rm -f "$GOLD"' EXIT
cat "$SHARED/gold/senedd-four-tensions-dev.jsonl" "$SHARED/gold/senedd-four-tensions-set2.jsonl" > "$GOLD"
java -Xmx3g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.aet.bench.PassageLearning \
  "$CACHE" "$GOLD" "$SHARED/external/senedd-committees" "$SHARED/external/senedd-committees-2"
