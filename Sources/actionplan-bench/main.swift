/// Benchmarks, run on demand (never in the unit tests):
/// `swift build -c release && .build/release/actionplan-bench [--tui-only | --export-only | --collaboration-only | --renames-only] [STORE]`,
/// or `--scale-only [FOLDER]` for start-up, reload and memory against history length (issue 10; the
/// stores are built in FOLDER on first use and kept; `--scale-only --trend-only` times only the Dashboard's
/// trend and the HTML export).
///
/// The TUI part builds its own store of 68 FICTIONAL States in a temporary folder and times startup
/// and keystrokes (docs/performance.md); the export part runs on STORE (built on first use) against a
/// Python baseline (docs/performance.md). Figures are printed; the exit code is 0 unless a
/// store could not be built.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let positional = arguments.filter { !$0.hasPrefix("--") }
if let flag = arguments.first, flag == "--start" || flag == "--start-whole", positional.count == 1 {
    ScaleBenchmark.start(positional[0], history: flag == "--start" ? .recent : .complete)
}
if arguments.first == "--html-whole", positional.count == 2 { ScaleBenchmark.htmlWhole(positional[0], out: positional[1]) }
if let flag = arguments.first, ["--dashboard", "--dashboard-whole", "--trend"].contains(flag), positional.count == 1 {
    if flag == "--trend" { ScaleBenchmark.trend(positional[0]) }
    ScaleBenchmark.dashboard(positional[0], whole: flag == "--dashboard-whole")
}
if arguments.contains("--scale-only") {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("actionplan").path
    ScaleBenchmark.run(binary: binary, folder: positional.first ?? NSTemporaryDirectory() + "actionplan-scale-bench",
                       trendOnly: arguments.contains("--trend-only"))
    exit(0)
}
if arguments.contains("--renames-only") {
    RenameBenchmark.run()
    exit(0)
}
if arguments.contains("--collaboration-only") {
    // The `actionplan` binary built beside this one.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("actionplan").path
    CollaborationBenchmark.run(binary: binary)
    print(String(format: "peak RSS: %.1f MB", PeakMemory.megabytes))
    exit(0)
}
let succeeded = arguments.contains("--export-only") || TUIBenchmarkReport.run()
if !arguments.contains("--tui-only") {
    ExportBenchmark.run(storePath: positional.first ?? NSTemporaryDirectory() + "actionplan-bench-store")
}
print(String(format: "peak RSS: %.1f MB", PeakMemory.megabytes))
exit(succeeded ? 0 : 1)
