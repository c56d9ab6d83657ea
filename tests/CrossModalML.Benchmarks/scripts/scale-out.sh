#!/usr/bin/env bash
# Throughput of one local process (both cores) against 1 and 2 `crossmodal worker` processes on this machine, for batch
# scoring (`crossmodal predict`) and ResNet18 encoding (`-- cluster-encode`), repeated; every output is compared with
# the local run's by `cmp`. Prints one tab-separated line per run: job, setup, repeat, seconds. See docs/benchmarks.md.
# Usage: scale-out.sh WORKDIR MODEL.zip POSTS.tsv CHUNK_SIZE IMAGE_POSTS.tsv IMAGE_COUNT [REPEATS]   (IMAGE_COUNT 0: scoring only)
# (build first: dotnet build src/CrossModalML.Cli -c Release; dotnet build tests/CrossModalML.Benchmarks -c Release)
set -euo pipefail
work=$1 model=$2 posts=$3 chunk=$4 image_posts=$5 image_count=$6 repeats=${7:-3}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
cli=$repo/src/CrossModalML.Cli/bin/Release/net10.0/crossmodal
bench=$repo/tests/CrossModalML.Benchmarks/bin/Release/net10.0/CrossModalML.Benchmarks
mkdir -p "$work"
export CROSSMODALML_CACHE_DIR=$work/cache   # scoring with built-in features does not use it; encoding uses its own empty folder

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
worker() { "$cli" worker "$@" > "$work/worker-$1-$2.log" 2>&1 & pids+=($!); echo "worker pid $! $*" >&2; }

# A one-silo cluster and a two-silo cluster, with their own ids so that they do not join each other.
worker --port 11311 --gateway-port 30211 --cluster-id scale1
worker --port 11321 --gateway-port 30221 --cluster-id scale2
worker --port 11322 --gateway-port 30222 --cluster-id scale2 --primary 127.0.0.1:11321
sleep "${WORKER_START_SECONDS:-15}"
one=(--cluster 127.0.0.1:30211 --cluster-id scale1)
two=(--cluster 127.0.0.1:30221,127.0.0.1:30222 --cluster-id scale2)

clock() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
predict() { "$cli" predict --model "$model" --input "$posts" --chunk-size "$chunk" --output "$@" 2>> "$work/predict.err"; }
encode() { "$bench" cluster-encode "$image_posts" "$image_count" "$@"; }
# Encoding: the process's wall time, the encoding alone as the benchmark timed it (no start-up, connection or network
# load), and a second pass that finds every image in the cache (the client's own share).
timed_encode() { local t0 t1; t0=$(date +%s.%N); encode "$@" > "$work/encode.out"; t1=$(date +%s.%N)
  echo -e "$(echo "$t1 - $t0" | bc)\t$(awk -F'\t' '/\timages [0-9]/ { sub(/ s$/, "", $4); sub(/^cached run /, "", $6); sub(/ s$/, "", $6); print $4 "\t" $6 }' "$work/encode.out")"; }

# Discarded first scoring runs: workers load the model and JIT their code once. Encoding has none: its first repeat
# includes each worker's one-off network load, and the median of the repeats leaves it out.
predict "$work/warm1.tsv" "${one[@]}" > /dev/null; predict "$work/warm2.tsv" "${two[@]}" > /dev/null


echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$repeats"); do
  echo -e "score\tlocal\t$r\t$(clock predict "$work/local.tsv" --parallel 2)"
  echo -e "score\t1 silo\t$r\t$(clock predict "$work/one.tsv" "${one[@]}")"
  echo -e "score\t2 silos\t$r\t$(clock predict "$work/two.tsv" "${two[@]}")"
  cmp "$work/local.tsv" "$work/one.tsv"; cmp "$work/local.tsv" "$work/two.tsv"
  [ "$image_count" -gt 0 ] || continue
  echo -e "encode\tlocal\t$r\t$(timed_encode local "$work/local.bin")"
  echo -e "encode\t1 silo\t$r\t$(timed_encode 127.0.0.1:30211 "$work/one.bin" scale1)"
  echo -e "encode\t2 silos\t$r\t$(timed_encode 127.0.0.1:30221,127.0.0.1:30222 "$work/two.bin" scale2)"
  cmp "$work/local.bin" "$work/one.bin"; cmp "$work/local.bin" "$work/two.bin"
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg); outputs equal (cmp) in every repeat"
