#!/usr/bin/env bash
# Captures the TUI screens shown in docs/user-guide.md, from the real binary in tmux, on a demo store
# whose own states.json lists FICTIONAL States (the guide must not show invented data about real States).
# Usage: scripts/capture-guide-screens.sh [OUT_DIR]   (default: a temporary folder; prints where)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product actionplan >/dev/null
BIN=$PWD/.build/debug/actionplan
OUT=${1:-$(mktemp -d)}
WORK=$(mktemp -d)
STORE=$WORK/store
SOCK=$WORK/sock
trap 'tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$STORE"
"$BIN" init --store "$STORE" >/dev/null
cat > "$STORE/states.json" <<'JSON'
[{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
 {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"},
 {"code":"XC","iso3":"XCA","name":"Carpathia","kind":"participating","group":"fiction"},
 {"code":"XD","iso3":"XDR","name":"Drakonia","kind":"participating","group":"fiction"},
 {"code":"XE","iso3":"XEL","name":"Elbonia","kind":"participating","group":"fiction"},
 {"code":"XF","iso3":"XFR","name":"Freedonia","kind":"participating","group":"fiction"}]
JSON
set_() { ACTIONPLAN_STORE=$STORE "$BIN" set "$@" >/dev/null; }
set_ XA AP03-IV-1-a implemented --note "National statistics office publishes yearly figures" --evidence "Report 2026/1" --by desk.officer
set_ XA AP03-IV-1-b partial --by desk.officer
set_ XA AP03-IV-1-c in-progress --note "Research tender open" --by reviewer.two
set_ XA AP03-III-1-a implemented --by desk.officer
set_ XA AP03-III-1-b not-started --by desk.officer
set_ XB AP03-IV-1-a in-progress --by desk.officer
set_ XB AP03-III-1-a implemented --by desk.officer
set_ XC AP03-IV-1-a not-applicable --by desk.officer

tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
tm new-session -d -s guide -x 100 -y 30 "env LANG=C.UTF-8 NO_COLOR=1 ACTIONPLAN_USER=desk.officer $BIN --store $STORE --state XA"
tm set-option -g escape-time 0
wait_for() { for _ in $(seq 1 100); do tm capture-pane -p -t guide | grep -q "$1" && { sleep 0.1; return 0; }; sleep 0.05; done; echo "timeout waiting for $1" >&2; tm capture-pane -p -t guide >&2; exit 1; }
shot() { tm capture-pane -p -t guide | sed -e 's/[[:space:]]*$//' > "$OUT/$1.txt"; }
keys() { tm send-keys -t guide "$@"; }

wait_for "Prevention"
keys Enter; wait_for "Data collection"; keys Down Enter; sleep 0.2; keys Down; sleep 0.2; shot tree
keys s; sleep 0.2; shot status-picker; keys Escape
keys n; sleep 0.2; shot note-editor; keys Escape
keys S; sleep 0.2; shot state-picker; keys Escape
keys x; sleep 0.2; shot export-dialog; keys Escape
keys 2; sleep 0.3; shot matrix
keys 3; sleep 0.3; shot dashboard
keys 4; sleep 0.3; shot history
keys '?'; sleep 0.3; shot help
echo "$OUT"
