import Testing
import TerminalKit

/// Tables are measured in terminal columns, as the terminal draws them, and never pass control text.
struct TextTableTests {
    @Test func wideCharactersLineUpByColumns() {
        var table = TextTable(["AUTHOR", "TOTAL"])
        table.add(["山田太郎", "3"])
        table.add(["alice", "12"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines == ["AUTHOR    TOTAL", "--------  -----", "山田太郎  3", "alice     12"])
    }

    @Test func controlCharactersAreShownNotSent() {
        var table = TextTable(["NAME"])
        table.add(["evil\u{1B}[31m"])
        #expect(!table.render().contains("\u{1B}"))
    }

    @Test func flexibleColumnsAreCutWithAnEllipsisToFit() {
        var table = TextTable(["ID", "TITLE", "BY"], flexible: [1])
        table.maxWidth = 40
        table.add(["A-1", String(repeating: "long title ", count: 10), "bob"])
        for line in table.render().split(separator: "\n") { #expect(TextWidth.columns(of: String(line)) <= 40, "\(line)") }
        #expect(table.render().contains("…"))
    }
}
