#!/usr/bin/env bash
# Measures aet leave-one-hearing-out over the seven labelled Senedd hearings of ../shared/gold:
#   default      aet code --codebook four-tensions (nothing learned from the labels)
#   model        aet train --embeddings on the six other hearings, aet code --model on the one left out
#   two-to-third aet train --embeddings on two other hearings (the next two in name order), aet code --model
# Every figure is from transcripts the labels used were not taken from. Needs bash, jq, a built ./aet.
# Usage: bench/scripts/leave-one-hearing-out.sh [SHARED] [WORK]   (defaults ../shared, /tmp/aet-loho)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${1:-$ROOT/../shared}
WORK=${2:-/tmp/aet-loho}
AET="$ROOT/aet"
CACHE=${AET_CACHE:-$WORK/cache}
mkdir -p "$WORK"
GOLD="$WORK/gold.jsonl"
cat "$SHARED/gold/senedd-four-tensions-dev.jsonl" "$SHARED/gold/senedd-four-tensions-set2.jsonl" > "$GOLD"
HEARINGS=($(jq -r '.segment_id | sub("@.*"; "")' "$GOLD" | sort -u))
file_of() {
  for d in senedd-committees senedd-committees-2; do
    [ -f "$SHARED/external/$d/$1.json" ] && echo "$SHARED/external/$d/$1.json" && return
  done
}
gold_of() { jq -c --arg h "$1" 'select(.segment_id | startswith($h + "@"))' "$GOLD"; }
gold_without() { jq -c --arg h "$1" 'select(.segment_id | startswith($h + "@") | not)' "$GOLD"; }
evaluate() { # name predicted.jsonl
  "$AET" evaluate --gold "$GOLD" --predicted "$2" -o "$WORK/$1-report.jsonl" --overwrite > "$WORK/$1-evaluate.txt"
  echo "== $1"; cat "$WORK/$1-evaluate.txt"
}
rm -f "$WORK"/default-labels.jsonl "$WORK"/model-labels.jsonl "$WORK"/two-labels.jsonl
n=${#HEARINGS[@]}
for i in "${!HEARINGS[@]}"; do
  h=${HEARINGS[$i]}
  f=$(file_of "$h")
  "$AET" code "$f" --codebook four-tensions --cache "$CACHE" --labels "$WORK/default-$h.jsonl" \
    -o "$WORK/default-$h-coded.jsonl" -q --overwrite
  cat "$WORK/default-$h.jsonl" >> "$WORK/default-labels.jsonl"
  gold_without "$h" > "$WORK/rest-$h.jsonl"
  "$AET" train -c four-tensions --embeddings --from "$WORK/rest-$h.jsonl" --cache "$CACHE" \
    -o "$WORK/model-$h.model" --overwrite > "$WORK/train-$h.txt" 2>/dev/null
  "$AET" code "$f" --codebook four-tensions --model "$WORK/model-$h.model" --cache "$CACHE" \
    --labels "$WORK/model-$h.jsonl" -o "$WORK/model-$h-coded.jsonl" -q --overwrite
  cat "$WORK/model-$h.jsonl" >> "$WORK/model-labels.jsonl"
  a=${HEARINGS[$(((i + 1) % n))]}; b=${HEARINGS[$(((i + 2) % n))]}
  { gold_of "$a"; gold_of "$b"; } > "$WORK/two-$h.jsonl"
  "$AET" train -c four-tensions --embeddings --from "$WORK/two-$h.jsonl" --cache "$CACHE" \
    -o "$WORK/two-$h.model" --overwrite > "$WORK/train-two-$h.txt" 2>/dev/null
  "$AET" code "$f" --codebook four-tensions --model "$WORK/two-$h.model" --cache "$CACHE" \
    --labels "$WORK/two-$h-labels.jsonl" -o "$WORK/two-$h-coded.jsonl" -q --overwrite
  cat "$WORK/two-$h-labels.jsonl" >> "$WORK/two-labels.jsonl"
done
evaluate default "$WORK/default-labels.jsonl"
evaluate model "$WORK/model-labels.jsonl"
evaluate two-to-third "$WORK/two-labels.jsonl"
