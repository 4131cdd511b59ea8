import TerminalKit
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The exports' terminal text is the one sanitizer, not a second set of rules.
struct TerminalTextTests {
    static let hostile = ["\u{202E}gnp.exe", "\u{1B}]52;c;AAAA\u{07}", "\u{9B}2J", "a\nb", "\u{2067}x\u{2069}", "plain"]

    @Test("TerminalText.clean is TerminalSafe.clean, bidi overrides included", arguments: hostile)
    func sameAsTerminalSafe(text: String) {
        #expect(TerminalText.clean(text) == TerminalSafe.clean(text))
        #expect(!TerminalText.clean(text).unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B || $0.value == 0x9B })
    }

    @Test("an import problem quoting a cell with a bidi override shows it inert")
    func importProblemBidi() {
        let problem = ImportProblem(row: 3, column: 0, message: "unknown State '\u{202E}ZX'")
        #expect(problem.description == "row 3, column A (state_code): unknown State '\u{FFFD}ZX'")
    }
}
