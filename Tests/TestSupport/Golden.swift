import Foundation
import Testing

/// Golden files beside the tests (`Goldens/<name>` next to the calling test file), compared byte for
/// byte: the one golden helper of every test target.
///
/// `RECORD_GOLDENS=1` rewrites the file and fails the test, so a recording is never mistaken for a pass.
public enum Golden {
    /// Compares `bytes` with `Goldens/<name>` (the name includes its extension).
    public static func check(_ bytes: [UInt8], named name: String, filePath: String = #filePath,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(bytes).write(to: url)
            Issue.record("recorded golden \(name); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing golden \(url.path); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != bytes else { return }
        let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let wanted = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(actual.count, wanted.count)).first { actual[$0] != wanted[$0] } ?? min(actual.count, wanted.count)
        Issue.record("""
            golden \(name) differs at line \(line + 1):
            expected: \(line < wanted.count ? String(wanted[line]) : "(end)")
            actual:   \(line < actual.count ? String(actual[line]) : "(end)")
            """, sourceLocation: sourceLocation)
    }

    /// A text golden: `Goldens/<name>.txt`, the text followed by one newline (screens, masks).
    public static func check(_ text: String, named name: String, filePath: String = #filePath,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array((text + "\n").utf8), named: name + ".txt", filePath: filePath, sourceLocation: sourceLocation)
    }
}
