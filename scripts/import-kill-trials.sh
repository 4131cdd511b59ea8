#!/usr/bin/env bash
# kill -9 at random moments during an import of all 57 (fictional) States, N times (default 200).
# Each trial must end with the whole batch visible or none of it, and `validate` clean.
# Usage: scripts/import-kill-trials.sh [TRIALS] [BINARY]   (default binary: .build/release/actionplan)
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-200}
bin=${2:-.build/release/actionplan}
[ -x "$bin" ] || swift build -c release --product actionplan >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ACTIONPLAN_USER=trials LANG=C.UTF-8
"$bin" init --store "$work/base" >/dev/null
python3 - "$work/base/states.json" <<'PY'
import json, sys
reserved = {"XK", "YE", "YT", "ZA", "ZM", "ZW"}
codes = [l + c for l in "XYZ" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if l + c not in reserved][:57]
json.dump([{"code": c, "iso3": c + "X", "name": "Fiction " + c, "kind": "participating", "group": "fiction"} for c in codes],
          open(sys.argv[1], "w"))
PY
"$bin" export --store "$work/base" --format csv --output "$work/all.csv" 2>/dev/null
sed -i 's/,not-assessed,Not assessed,/,implemented,Implemented,/' "$work/all.csv"
rows=$(grep -c ',implemented,Implemented,' "$work/all.csv")
cp -r "$work/base" "$work/calibrate"
start=$(date +%s%N); "$bin" import "$work/all.csv" --store "$work/calibrate" >/dev/null; end=$(date +%s%N)
span_us=$(( (end - start) / 1000 ))
echo "one import of $rows rows: $((span_us / 1000)) ms; $trials trials"
none=0 all=0 completed=0 bad=0
for i in $(seq 1 "$trials"); do
    rm -rf "$work/t"; cp -r "$work/base" "$work/t"
    "$bin" import "$work/all.csv" --store "$work/t" >/dev/null 2>&1 &
    pid=$!
    sleep "$(python3 -c "import random; print(random.uniform(0, 1.1) * $span_us / 1e6)")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    out=$("$bin" export --store "$work/t" --format json 2>"$work/err")
    seen=$( (grep -o '"status": "implemented"' <<<"$out" || true) | wc -l)
    if ! "$bin" validate --store "$work/t" >/dev/null; then bad=$((bad + 1)); echo "trial $i: validate not clean"; fi
    if [ "$seen" -eq 0 ]; then none=$((none + 1))
    elif [ "$seen" -eq "$rows" ]; then
        if grep -q "completed an interrupted batch" "$work/err"; then completed=$((completed + 1)); else all=$((all + 1)); fi
    else bad=$((bad + 1)); echo "trial $i: $seen of $rows rows visible"; fi
done
echo "none: $none, all: $all, all after completing an interrupted batch: $completed, partial or invalid: $bad"
[ "$bad" -eq 0 ]
