#!/usr/bin/env bash
# MediaEval 2015 VMU leave-one-event-out with the plain CLI: for each of the 4 events, train on the other three events'
# posts and evaluate on that event's, then sum the four confusion matrices into pooled accuracy and macro-F1.
# Usage: mediaeval-loeo.sh WORKDIR NAME [train flags...]      e.g. mediaeval-loeo.sh /tmp/me-loeo default
#        mediaeval-loeo.sh /tmp/me-loeo fast --preset fast
# (build first: dotnet build src/CrossModalML.Cli -c Release). See docs/benchmarks.md.
set -euo pipefail
work=$1 name=$2; shift 2
repo=$(cd "$(dirname "$0")/../../.." && pwd)
cli=$repo/src/CrossModalML.Cli/bin/Release/net10.0/crossmodal
posts=$(cd "$repo/../shared/datasets/mediaeval2015-vmu" && pwd)/posts.tsv
export CROSSMODALML_CACHE_DIR=${CROSSMODALML_CACHE_DIR:-$work/cache}
mkdir -p "$work/$name"

# The splits: the lines whose event differs from / equals EVENT, image paths made absolute.
python3 - "$posts" "$work" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
base = os.path.dirname(src)
lines = open(src, encoding='utf-8').read().rstrip('\n').split('\n')
header = lines[0].split('\t'); ev, im = header.index('event'), header.index('image')
rows = [l.split('\t') for l in lines[1:]]
for r in rows:
    r[im] = os.path.join(base, r[im]) if r[im] else r[im]
for e in sorted({r[ev] for r in rows}):
    for part, keep in (('train', lambda r: r[ev] != e), ('test', lambda r: r[ev] == e)):
        with open(os.path.join(out, f'{e}-{part}.tsv'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(['\t'.join(header)] + ['\t'.join(r) for r in rows if keep(r)]) + '\n')
PY

events=(Garissa_Attack Samurai_ghost Solar_eclipse Nepal_earthquake)
for e in "${events[@]}"; do
  start=$(date +%s)
  "$cli" train --dataset "$work/$e-train.tsv" --label label --output "$work/$name/$e.zip" "$@" > "$work/$name/$e-train.log" 2>&1
  "$cli" evaluate --model "$work/$name/$e.zip" --dataset "$work/$e-test.tsv" --report "$work/$name/$e-eval.json" > "$work/$name/$e-eval.log" 2>&1
  echo "$name $e $(( $(date +%s) - start )) s, load $(cut -d' ' -f1 /proc/loadavg)"
done

python3 - "$work/$name" "${events[@]}" <<'PY'
import json, os, sys
folder, events = sys.argv[1], sys.argv[2:]
total = None
for e in events:
    m = json.load(open(os.path.join(folder, f'{e}-eval.json')))['metrics']
    cm = m['confusionMatrix']
    total = cm if total is None else [[a + b for a, b in zip(x, y)] for x, y in zip(total, cm)]
    print(f"{e}\taccuracy {m['accuracy']:.3f}\tmacro-F1 {m['macroF1']:.3f}\tAUC {m.get('auc')}")
n = len(total)
f1 = []
for k in range(n):
    predicted = sum(total[i][k] for i in range(n)); actual = sum(total[k])
    p = total[k][k] / predicted if predicted else 0.0; r = total[k][k] / actual if actual else 0.0
    f1.append(2 * p * r / (p + r) if p + r else 0.0)
accuracy = sum(total[k][k] for k in range(n)) / sum(map(sum, total))
print(f"pooled\taccuracy {accuracy:.3f}\tmacro-F1 {sum(f1) / n:.3f}\tconfusion {total}")
PY
