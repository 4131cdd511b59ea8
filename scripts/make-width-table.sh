#!/usr/bin/env bash
# Regenerates Sources/TrackerCore/Text/WidthTables.swift from this machine's glibc wcwidth (C.UTF-8),
# so the pure renderer measures text exactly as ncursesw and tmux will draw it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cc scripts/width-table.c -o "$tmp/gen"
"$tmp/gen" > "$tmp/ranges.txt"
python3 - "$tmp/ranges.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
zero = [(int(a, 16), int(b, 16)) for w, a, b in rows if w == '0' and int(a, 16) != 0]
wide = [(int(a, 16), int(b, 16)) for w, a, b in rows if w == '2']
def fmt(rs):
    out, line = [], '   '
    for a, b in rs:
        s = f' 0x{a:X}...0x{b:X},'
        if len(line) + len(s) > 116: out.append(line); line = '   '
        line += s
    out.append(line); return '\n'.join(out)
src = f'''// Generated from glibc 2.36 `wcwidth` under the C.UTF-8 locale (the widths ncursesw and tmux use).
// Regenerate with `scripts/make-width-table.sh` when the platform's Unicode version changes.

/// Unicode scalar ranges that take no column (combining marks, format characters).
let zeroWidthRanges: [ClosedRange<UInt32>] = [
{fmt(zero)}
]

/// Unicode scalar ranges that take two columns (East Asian wide and fullwidth, most emoji).
let doubleWidthRanges: [ClosedRange<UInt32>] = [
{fmt(wide)}
]
'''
open('Sources/TrackerCore/Text/WidthTables.swift', 'w').write(src)
PY
echo "wrote Sources/TrackerCore/Text/WidthTables.swift"
