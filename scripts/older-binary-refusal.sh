#!/usr/bin/env bash
# An older binary must refuse a newer store: builds the last release that wrote store format 1
# (commit bc21cd4) and checks that it refuses a store written by this version (format 2) with
# exit 65, and leaves every file as it was.
# Usage: scripts/older-binary-refusal.sh [NEW_BINARY]   (default: .build/debug/actionplan)
set -euo pipefail
cd "$(dirname "$0")/.."
old_commit=bc21cd4
new_bin=${1:-.build/debug/actionplan}
[ -x "$new_bin" ] || swift build --product actionplan >/dev/null
if ! git cat-file -e "$old_commit^{commit}" 2>/dev/null; then
    echo "older-binary-refusal: commit $old_commit is not in this clone (shallow?); fetch the history to run this check" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach -q "$work/old" "$old_commit"
echo "building the format-1 binary ($old_commit)..."
(cd "$work/old" && swift build --product actionplan >/dev/null)
old_bin="$work/old/.build/debug/actionplan"
[ -x "$old_bin" ] || { echo "could not build the format-1 binary" >&2; exit 1; }

export ACTIONPLAN_USER=check LANG=C.UTF-8
"$new_bin" init --store "$work/store" >/dev/null
printf '[{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"}]' > "$work/store/states.json"
"$new_bin" set --store "$work/store" XA AP03-IV-1-a implemented >/dev/null
grep -q '"format": 2' "$work/store/store.json"
before=$(cd "$work/store" && find . -type f ! -name .lock -exec sha256sum {} + | sort)
for command in "show XA" "set XA AP03-IV-1-a not-started" "export --format csv"; do
    set +e
    # shellcheck disable=SC2086
    out=$("$old_bin" $command --store "$work/store" 2>&1 >/dev/null)
    status=$?
    set -e
    if [ "$status" -ne 65 ] || ! grep -q "newer version of actionplan" <<<"$out"; then
        echo "FAIL: the format-1 binary ran '$command' on a format-2 store: exit $status: $out" >&2
        exit 1
    fi
    echo "ok: format-1 binary refuses '$command' (exit 65): $out"
done
after=$(cd "$work/store" && find . -type f ! -name .lock -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || { echo "FAIL: the refused commands changed the store" >&2; exit 1; }
echo "ok: the store is byte-identical"
