import Foundation
import Testing
@testable import TrackerCore

/// docs/user-guide.md lists the keys from the keymap itself, so the guide cannot drift from the program.
///
/// `RECORD_GOLDENS=1` rewrites the section between the markers and fails, so recording is never silent.
struct UserGuideKeysTests {
    static let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/user-guide.md")
    static let begin = "<!-- keys:begin -->\n"
    static let end = "<!-- keys:end -->"

    @Test func userGuideKeyListIsGeneratedFromTheKeymap() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "docs/user-guide.md lacks \(Self.begin)")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let expected = KeyDocs.markdown()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try (String(text[..<start.upperBound]) + expected + String(text[stop.lowerBound...]))
                .write(to: Self.guide, atomically: true, encoding: .utf8)
            Issue.record("recorded the key list into docs/user-guide.md; run again without RECORD_GOLDENS")
            return
        }
        #expect(current == expected, "the key list in docs/user-guide.md is stale; run the tests with RECORD_GOLDENS=1")
    }
}
