#!/usr/bin/env bash
# An older binary must refuse a newer store: builds the last release of each older store format
# (commit bc21cd4 wrote format 1, commit 1a7ee21 format 2) and checks that each refuses a store
# written by this version (format 3) with exit 65, and leaves every file as it was.
# Usage: scripts/older-binary-refusal.sh [NEW_BINARY]   (default: .build/debug/actionplan)
set -euo pipefail
cd "$(dirname "$0")/.."
releases="bc21cd4:1 1a7ee21:2"
current_format=3
new_bin=${1:-.build/debug/actionplan}
[ -x "$new_bin" ] || swift build --product actionplan >/dev/null
work=$(mktemp -d)
cleanup() {
    for release in $releases; do git worktree remove --force "$work/old-${release%%:*}" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

export ACTIONPLAN_USER=check LANG=C.UTF-8
"$new_bin" init --store "$work/store" >/dev/null
printf '[{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"}]' > "$work/store/states.json"
"$new_bin" set --store "$work/store" XA AP03-IV-1-a implemented >/dev/null
grep -q "\"format\": $current_format" "$work/store/store.json"
# A record only format 3 has: a line of the office log.
"$new_bin" round open --store "$work/store" "Check round" --due 2099-12-31 >/dev/null
grep -q round.open "$work/store/office.jsonl"
before=$(cd "$work/store" && find . -type f ! -name .lock ! -path './.checkpoints/*' -exec sha256sum {} + | sort)

for release in $releases; do
    commit=${release%%:*}
    format=${release##*:}
    if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
        echo "older-binary-refusal: commit $commit is not in this clone (shallow?); fetch the history to run this check" >&2
        exit 1
    fi
    git worktree add --detach -q "$work/old-$commit" "$commit"
    echo "building the format-$format binary ($commit)..."
    (cd "$work/old-$commit" && swift build --product actionplan >/dev/null)
    old_bin="$work/old-$commit/.build/debug/actionplan"
    [ -x "$old_bin" ] || { echo "could not build the format-$format binary" >&2; exit 1; }
    for command in "show XA" "set XA AP03-IV-1-a not-started" "export --format csv"; do
        set +e
        # shellcheck disable=SC2086
        out=$("$old_bin" $command --store "$work/store" 2>&1 >/dev/null)
        status=$?
        set -e
        if [ "$status" -ne 65 ] || ! grep -q "newer version of actionplan" <<<"$out"; then
            echo "FAIL: the format-$format binary ran '$command' on a format-$current_format store: exit $status: $out" >&2
            exit 1
        fi
        echo "ok: format-$format binary refuses '$command' (exit 65): $out"
    done
    after=$(cd "$work/store" && find . -type f ! -name .lock ! -path './.checkpoints/*' -exec sha256sum {} + | sort)
    [ "$before" = "$after" ] || { echo "FAIL: the commands refused by the format-$format binary changed the store" >&2; exit 1; }
    echo "ok: the store is byte-identical after the format-$format binary's refusals"
    git worktree remove --force "$work/old-$commit" >/dev/null 2>&1 || true
done
