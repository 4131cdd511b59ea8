#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets against the real library sources and runs each one.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      # default: 60 seconds each, every target
#   scripts/fuzz.sh 14400 journal              # four hours on the journal reader
#   FUZZ_JOBS=2 scripts/fuzz.sh 3600           # two fuzzing processes per target
#
# Targets: json (JSON parser), journal (journal reader + fold), store (store.json, catalog.json,
# states.json), csv (CSV reader + import planner). Build output and the growing corpora live in
# .build/fuzz (ignored by SwiftPM and git). Each corpus is seeded from Fuzz/Seeds/TARGET, the
# crash regressions in Fuzz/Regressions/TARGET and the export goldens. A crash stops the run, is
# copied to Fuzz/Regressions/TARGET (a test then replays it forever) and the script exits 1.
# The figures of each run (executions, corpus size, crashes) are appended to .build/fuzz/runs.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json journal store csv)
jobs=${FUZZ_JOBS:-1}

out=.build/fuzz
mkdir -p "$out/modules"
flags=(-parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address -enable-testing -I "$out/modules")

# A SwiftPM-style resource accessor for ActionPlanResources (SwiftPM generates one; swiftc does not).
mkdir -p "$out/resources"
cp -p Resources/catalog.json Resources/states.json "$out/resources/"
accessor=$(cat <<SWIFT
import Foundation
extension Foundation.Bundle {
    static var module: Bundle { Bundle(path: "$(pwd)/$out/resources")! }
}
SWIFT
)
# Rewritten only when it changes, so an unchanged library is not recompiled.
[ "$(cat "$out/resource_bundle_accessor.swift" 2>/dev/null)" = "$accessor" ] || echo "$accessor" > "$out/resource_bundle_accessor.swift"

built=()   # the modules compiled so far: a module is rebuilt when its sources or any of these changed
extra=()   # flags for the next module only (a dependency in its own language mode)
module() {  # name sources...
    local name=$1; shift
    local stamp="$out/modules/$name.o"
    if [ -f "$stamp" ] && [ -z "$(find "$@" "${built[@]}" -newer "$stamp" -print -quit)" ]; then built+=("$stamp"); extra=(); return; fi
    echo "fuzz: compiling $name"
    rm -f "$stamp"
    swiftc "${flags[@]}" ${extra[@]+"${extra[@]}"} -module-name "$name" -wmo -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -c "$@" -o "$stamp" 2>&1 | grep -v 'ld.gold: warning' || true
    extra=()
    [ -f "$stamp" ] || { echo "fuzz: compiling $name failed" >&2; exit 1; }
    built+=("$stamp")
}

module ActionPlanModel $(find Sources/ActionPlanModel -name '*.swift' | sort)
module ActionPlanResources Resources/EmbeddedResources.swift "$out/resource_bundle_accessor.swift"
module ActionPlanStore $(find Sources/ActionPlanStore -name '*.swift' | sort)
module TerminalKit $(find Sources/TerminalKit -name '*.swift' | sort)
# ZIPFoundation (the XLSX container) from SwiftPM's checkout, in its own Swift 5 mode, over zlib.
zip=.build/checkouts/ZIPFoundation/Sources
[ -d "$zip/ZIPFoundation" ] || swift package resolve >/dev/null
flags+=(-I "$zip/CZLib")   # its zlib module map, needed by everything that imports it
extra=(-swift-version 5 -Xcc -D_GNU_SOURCE=1)
module ZIPFoundation $(find "$zip/ZIPFoundation" -name '*.swift' | sort)
module ActionPlanExport $(find Sources/ActionPlanExport -name '*.swift' | sort)

source_of() {
    case $1 in
        json) echo Fuzz/Targets/JSONParserFuzz.swift ;;
        journal) echo Fuzz/Targets/JournalFuzz.swift ;;
        store) echo Fuzz/Targets/StoreFilesFuzz.swift ;;
        csv) echo Fuzz/Targets/CSVImportFuzz.swift ;;
        *) echo "fuzz: unknown target '$1' (json, journal, store, csv)" >&2; exit 64 ;;
    esac
}

seed() {  # target corpus-folder
    local target=$1 corpus=$2
    cp Fuzz/Seeds/"$target"/* Fuzz/Regressions/"$target"/* "$corpus"/ 2>/dev/null || true
    case $target in
        json) cp Tests/ActionPlanExportTests/Goldens/*.json Resources/*.json docs/export-schema.json "$corpus"/ ;;
        csv) cp Tests/ActionPlanExportTests/Goldens/*.csv "$corpus"/ ;;
        store)  # the selector byte: 0 store.json, 1 catalog.json, 2 states.json
            { printf '\x01'; cat Resources/catalog.json; } > "$corpus/seed-catalog"
            { printf '\x02'; cat Resources/states.json; } > "$corpus/seed-states" ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    src=$(source_of "$target")
    binary="$out/fuzz-$target"
    objects=("$out/modules/ActionPlanModel.o" "$out/modules/ActionPlanResources.o" "$out/modules/ActionPlanStore.o" "$out/modules/TerminalKit.o" "$out/modules/ZIPFoundation.o" "$out/modules/ActionPlanExport.o")
    if [ ! -x "$binary" ] || [ -n "$(find "$src" "${objects[@]}" -newer "$binary" -print -quit)" ]; then
        echo "fuzz: linking $binary"
        rm -f "$binary"
        # ld.gold warns once per ASan helper symbol ("Cannot export local symbol"); harmless, filtered.
        swiftc "${flags[@]}" "$src" "${objects[@]}" -lz -o "$binary" 2>&1 | grep -v 'ld.gold: warning' || true
        [ -x "$binary" ] || { echo "fuzz: linking $binary failed" >&2; exit 1; }
    fi
    corpus="$out/corpus/$target"
    artifacts="$out/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    seed "$target" "$corpus"
    echo "fuzz: $target for ${seconds}s ($jobs job(s))"
    log="$out/$target.log"
    set +e
    if [ "$jobs" -gt 1 ]; then
        "$binary" "$corpus" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -artifact_prefix="$artifacts" \
            -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1
    else
        "$binary" "$corpus" -max_total_time="$seconds" -artifact_prefix="$artifacts" \
            -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1
    fi
    rc=$?
    set -e
    runs=$( (grep -h 'stat::number_of_executed_units' "$log" fuzz-*.log 2>/dev/null || true) | awk '{s += $2} END {print s + 0}')
    size=$(ls "$corpus" | wc -l)
    crashes=$( (ls "$artifacts" | grep -c .) || true)
    echo "$(date -u +%FT%TZ) $target seconds=$seconds executions=$runs corpus=$size crashes=$crashes exit=$rc" | tee -a "$out/runs.log"
    if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        status=1
        tail -40 "$log" >&2
        for crash in "$artifacts"*; do
            [ -f "$crash" ] && cp "$crash" "Fuzz/Regressions/$target/" && echo "fuzz: kept $crash in Fuzz/Regressions/$target/ (commit it with a fix)" >&2
        done
    fi
    rm -f fuzz-*.log
done
exit $status
