import Foundation
import TestSupport

/// Runs a Python snippet (the stdlib `csv` and `html.parser`, `jsonschema`) as an independent reader of our files.
///
/// An independent implementation catches mistakes that a reader written by the same hand would share.
enum Python {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `python3 -c script args…` with `input` on stdin.
    static func run(_ script: String, arguments: [String] = [], input: [UInt8] = []) throws -> Output {
        let result = try Spawn.run(["python3", "-c", script] + arguments,
                                   environment: Spawn.environment(["LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"]), input: input)
        return Output(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
