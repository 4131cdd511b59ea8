import Foundation

/// The `actionplan` binary built by `swift build` / `swift test`, found from this file's location.
public enum BuiltBinary {
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "the actionplan binary is missing at \(path); build it first with `swift build --product actionplan`"
        }
    }

    /// The package root: this file is at Tests/TestSupport/BuiltBinary.swift.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$ACTIONPLAN_BIN`, else `.build/debug/actionplan` of this package (unchecked).
    public static var expectedPath: String {
        ProcessInfo.processInfo.environment["ACTIONPLAN_BIN"] ?? packageRoot.appendingPathComponent(".build/debug/actionplan").path
    }

    /// The path of the built binary, or an error saying how to build it.
    public static func path() throws -> String {
        let path = expectedPath
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        return path
    }
}
