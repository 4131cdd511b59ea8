import Testing
import Foundation

/// Item 5: nothing from a file or an argument reaches the terminal as a control sequence, on any
/// CLI output path. Each case makes the program echo the hostile text (the Control Pictures prove
/// it was echoed), so the test fails if any path prints it raw.
@Suite("CLI: one sanitizer on every output path")
struct TerminalOutputTests {
    static let osc2 = "\\u001b]2;owned\\u0007"          // JSON-escaped: ESC ] 2 ; owned BEL
    static let osc52 = "\\u001b]52;c;cHduZWQ=\\u0007"

    /// Raw bytes that must never be printed: ESC, BEL, CSI (C1), bidi override.
    static func assertInert(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        #expect(bad.isEmpty, "\(context): raw \(bad.map { String($0.value, radix: 16) }) in\n\(text)", sourceLocation: sourceLocation)
    }

    @Test("validate and load warnings: event id, status, State, time, orphan action id and file name")
    func journalContent() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let lines = [
            // names another State (warning quotes id and State)
            "{\"id\":\"id-\(Self.osc2)\",\"time\":\"2026-01-01T00:00:00.000Z\",\"author\":\"a\",\"state\":\"XB\(Self.osc52)\",\"action\":\"AP03-III-1-a\",\"status\":\"implemented\"}",
            // unknown status (quoted)
            "{\"id\":\"2\",\"time\":\"2026-01-01T00:00:00.000Z\",\"author\":\"a\",\"state\":\"XA\",\"action\":\"AP03-III-1-a\",\"status\":\"\\u001b[2J\"}",
            // bad time (quoted)
            "{\"id\":\"3\",\"time\":\"\\u009b31m\",\"author\":\"a\",\"state\":\"XA\",\"action\":\"AP03-III-1-a\"}",
            // orphan action (listed)
            "{\"id\":\"4\",\"time\":\"2026-01-01T00:00:00.000Z\",\"author\":\"a\",\"state\":\"XA\",\"action\":\"ZZ-\\u202egnp.exe\",\"status\":\"implemented\"}",
        ]
        var journal = try cli.file("states/XA.jsonl")
        journal += lines.joined(separator: "\n") + "\n"
        try cli.write("states/XA.jsonl", journal)
        try cli.write("states/X\u{1B}]2;file\u{07}.jsonl", "")
        let validate = try cli.run("validate")
        #expect(validate.status == 1)
        Self.assertInert(validate.stdout + validate.stderr, "validate")
        #expect(validate.stdout.contains("id-␛]2;owned␇"))
        #expect(validate.stdout.contains("XB␛]52;c;cHduZWQ=␇"))
        #expect(validate.stdout.contains("'␛[2J'"))
        #expect(validate.stdout.contains("ZZ-\u{FFFD}gnp.exe"))
        #expect(validate.stdout.contains("X␛]2;file␇"))
        for command in [["show", "XA"], ["summary"], ["history"], ["export", "--format", "csv", "--output", cli.store + "/../out.csv"]] {
            let r = try cli.run(command)
            #expect(r.stderr.contains("actionplan: warning:"), "\(command)")
            Self.assertInert(r.stdout + r.stderr, "\(command)")
        }
    }

    @Test("arguments echoed back: set --by confirmation, unknown State, action and status, unknown option")
    func echoedArguments() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let set = try cli.run("set", "XA", "AP03-III-1-b", "implemented", "--by", "x\u{1B}]2;owned\u{07}")
        #expect(set.status == 0)
        #expect(set.stdout.contains("by x␛]2;owned␇"))
        Self.assertInert(set.stdout, "set confirmation")
        for arguments in [["set", "X\u{1B}[2JA", "AP03-III-1-a", "implemented"], ["set", "XA", "AP\u{9B}1m", "implemented"],
                          ["set", "XA", "AP03-III-1-a", "done\u{202E}"], ["show", "XA", "--pillar", "p\u{1B}]52;c;x\u{07}"],
                          ["show", "XA", "--format", "t\u{1B}[2J"], ["export", "--format", "csv", "--state", "\u{1B}]2;t\u{07}"]] {
            let r = try cli.run(arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            Self.assertInert(r.stdout + r.stderr, "\(arguments)")
            #expect(r.stderr.contains("␛") || r.stderr.contains("\u{FFFD}"), "the value is echoed: \(r.stderr)")
        }
    }

    @Test("names from states.json in tables and the catalog tree from catalog.json")
    func tablesFromFiles() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        try cli.write("states.json", FictionalCLI.statesJSON.replacingOccurrences(of: "Avalonia", with: "Ava\\u001b]2;t\\u0007lonia"))
        for command in [["states"], ["show", "XA"], ["summary"], ["history"], ["changes", "--from", "2020-01-01"]] {
            let r = try cli.run(command)
            #expect(r.status == 0, "\(command): \(r.stderr)")
            Self.assertInert(r.stdout + r.stderr, "\(command)")
        }
    }
}
