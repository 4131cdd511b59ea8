#!/usr/bin/env bash
# Regenerates docs/actionplan.1 from the command tree with swift-argument-parser's generate-manual
# plugin (works offline; it builds the release binary first). Run it after changing a command or an
# option: Tests/CLITests/ManPageTests.swift fails until the page lists every subcommand and option.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --disable-sandbox plugin generate-manual --authors "Action Plan Tracker maintainers"
# Help texts with blank lines give empty input lines, which mdoc warns about: make them paragraph breaks.
sed 's/^$/.Pp/' .build/plugins/GenerateManual/outputs/actionplan/actionplan.1 > docs/actionplan.1
echo "wrote docs/actionplan.1"
