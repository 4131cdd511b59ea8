import Foundation
import Testing
@testable import TrackerCore
import TerminalKit

/// Plain-text goldens beside the tests: `Goldens/<name>.txt`.
///
/// `RECORD_GOLDENS=1` rewrites the file and fails the test, so a recording is never mistaken for a pass.
enum Golden {
    static func check(_ actual: String, named name: String, filePath: String = #filePath,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
        let url = folder.appendingPathComponent(name + ".txt")
        let text = actual + "\n"
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded golden \(name).txt; run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(url.path); record it with RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            Issue.record("""
                golden \(name).txt differs at line \(first + 1):
                expected: \(first < e.count ? String(e[first]) : "(end)")
                actual:   \(first < a.count ? String(a[first]) : "(end)")
                """, sourceLocation: sourceLocation)
        }
    }
}

extension Screen {
    /// One character per cell for its status colour: a colour letter (upper case when bold), `#` for
    /// reverse, `!` bold, `~` dim, `.` plain. The right half of a wide character repeats the left half.
    func styleMask() -> String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line.append(Self.maskCharacter(self[x, y].style)) }
            return line
        }.joined(separator: "\n")
    }

    private static func maskCharacter(_ style: Style) -> Character {
        let letters: [Color: Character] = [.black: "k", .red: "r", .green: "g", .yellow: "y", .blue: "b",
                                           .magenta: "m", .cyan: "c", .white: "w"]
        if let letter = letters[style.foreground] { return style.bold ? Character(letter.uppercased()) : letter }
        if style.reverse { return "#" }
        if style.bold { return "!" }
        if style.dim { return "~" }
        return "."
    }
}
