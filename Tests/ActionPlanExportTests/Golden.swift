import Foundation
import Testing

/// Golden files beside the tests (`Goldens/<name>`), compared byte for byte.
///
/// `RECORD_GOLDENS=1` rewrites the file and fails the test, so a recording is never mistaken for a pass.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(bytes).write(to: url)
            Issue.record("recorded \(name); unset RECORD_GOLDENS and run again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden \(name); run with RECORD_GOLDENS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if [UInt8](expected) != bytes {
            let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let wanted = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(actual, wanted)).firstIndex { $0 != $1 } ?? min(actual.count, wanted.count)
            Issue.record("""
                \(name) differs from the golden at line \(line + 1):
                  expected: \(line < wanted.count ? String(wanted[line]) : "(end of file)")
                  actual:   \(line < actual.count ? String(actual[line]) : "(end of file)")
                """, sourceLocation: sourceLocation)
        }
    }
}
