/// Benchmarks, run with `swift run -c release actionplan-bench`.
///
/// This minimal driver runs the export benchmark; the benchmark engineer's driver replaces it and
/// calls `ExportBenchmark.run(storePath:)` beside the other measurements.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let storePath = arguments.first ?? NSTemporaryDirectory() + "actionplan-bench-store"
ExportBenchmark.run(storePath: storePath)
