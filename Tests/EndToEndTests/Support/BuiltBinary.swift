import Foundation

/// The `actionplan` binary built by `swift build` / `swift test`, found from this file's location.
enum BuiltBinary {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "the actionplan binary is missing at \(path); build it first with `swift build --product actionplan`"
        }
    }

    /// The package root: this file is at Tests/EndToEndTests/Support/BuiltBinary.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `.build/debug/actionplan`, or an error saying how to build it.
    static func path() throws -> String {
        let path = packageRoot.appendingPathComponent(".build/debug/actionplan").path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        return path
    }
}
