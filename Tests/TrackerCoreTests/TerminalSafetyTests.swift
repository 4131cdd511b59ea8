import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// Text from the store never reaches the terminal as a control sequence, and wide text stays aligned.
struct TerminalSafetyTests {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    @Test func escapeSequencesInANoteAreShownInert() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let screen = render(state, size: size)
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains(where: Self.isControl) })
            #expect(screen.plainText().contains("␛[31mRED␛[0m"))
            #expect(screen.plainText().contains("␛]0;pwned␇"))
        }
    }

    @Test func escapeSequencesInTheNoteEditorAreInert() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        state.press(.character("n"))
        let screen = render(state, size: Size(width: 80, height: 24))
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains(where: Self.isControl) })
        #expect(screen.plainText().contains("Teachers' note ␛[31mRED"))
    }

    @Test func hostileNamesAndAuthorsAreInertEverywhere() {
        var tracker = Fixture.tracker()
        tracker.record(ChangeEvent(id: "evil", time: Fixture.time("2026-10-09T00:00:00Z"), author: "mallory\u{1B}[2J",
                                   state: "XB", action: "PV-A-2\u{9B}1m", status: .inProgress, note: "\u{202E}gnp.exe"))
        var state = AppState(tracker: tracker, options: AppOptions(storeName: "store\u{07}", initialState: "XB"))
        for keys in [[Key.character("3")], [.character("4")], [.character("1")]] {
            state.press(keys[0])
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                let screen = render(state, size: size)
                #expect(!screen.cells.contains { $0.text.unicodeScalars.contains(where: Self.isControl) })
            }
        }
    }

    @Test func wideAndCombiningTextKeepsColumnsAligned() {
        var tracker = Fixture.tracker()
        tracker.record(ChangeEvent(id: "wide", time: Fixture.time("2026-10-10T00:00:00Z"), author: "李明",
                                   state: "XC", action: "PV-B-1", note: "法律已通过 Türkiye Туркменистан e\u{301}"))
        var state = AppState(tracker: tracker, options: AppOptions(storeName: "fixture-store", initialState: "XC"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.go(to: "PV-B-1")
        let screen = render(state, size: Size(width: 80, height: 24))
        let separator = min(state.treePaneWidth, 80 - 30)
        for y in 2..<23 { #expect(screen[separator, y].text == "│", "row \(y)") }
        for line in screen.plainText().split(separator: "\n") {
            #expect(TextWidth.columns(of: String(line)) <= 80)
        }
        let noteRow = (0..<24).first { screen.plainText().split(separator: "\n", omittingEmptySubsequences: false)[$0].contains("法律") }
        #expect(noteRow != nil, "the note with CJK text is on screen")
        if let noteRow {
            let x = (0..<80).first { screen[$0, noteRow].text == "法" }!
            #expect(screen[x + 1, noteRow].isContinuation)
            #expect(screen[x + 2, noteRow].text == "律")
        }
        #expect(screen.plainText().contains("é"))

        state.press(.character("4"))
        let history = render(state, size: Size(width: 80, height: 24)).plainText().split(separator: "\n")
        let row = history.first { $0.contains("李明") }.map(String.init) ?? ""
        let changeColumn = TextWidth.columns(of: String(row[..<(row.range(of: "note")?.lowerBound ?? row.endIndex)]))
        let other = history.first { $0.contains("dana") }.map(String.init) ?? ""
        let otherColumn = TextWidth.columns(of: String(other[..<(other.range(of: "·")?.lowerBound ?? other.endIndex)]))
        #expect(changeColumn == otherColumn, "the Change column starts at the same place after a CJK author")
    }
}

/// `--ascii`: no screen or popup shows a symbol that a plain terminal may lack.
struct ASCIIModeTests {
    @Test(arguments: ["1", "2", "3", "4", "?", "s", "n", "S", "x", "/"])
    func noFancySymbolsInASCIIMode(key: String) {
        var state = Fixture.state(ascii: true, size: Size(width: 120, height: 40))
        state.press(.enter, .enter, .enter)
        state.press(.character(Character(key)))
        let text = render(state, size: Size(width: 120, height: 40)).plainText()
        let fancy = Set(ASCIIFallback.replacements.keys)
        let found = text.map(String.init).filter { fancy.contains($0) }
        #expect(found.isEmpty, "symbols left after \(key): \(Set(found)))\n\(text)")
        // The same frame without --ascii does use symbols, so the check above can fail.
        var plain = Fixture.state(size: Size(width: 120, height: 40))
        plain.press(.enter, .enter, .enter)
        plain.press(.character(Character(key)))
        #expect(render(plain, size: Size(width: 120, height: 40)).plainText().contains { fancy.contains(String($0)) })
    }
}

/// The TUI's `Sanitizer` delegates to the one sanitizer shared with the CLI.
struct OneSanitizerTests {
    @Test(arguments: ["\u{202E}gnp.exe", "\u{1B}]2;t\u{07}", "\u{9B}1m", "a\nb", "tab\there", "☃\u{FE0F}"])
    func sanitizerIsTerminalSafe(text: String) {
        #expect(Sanitizer.clean(text) == TerminalSafe.clean(text))
        #expect(Sanitizer.clean(text, keepNewlines: true) == TerminalSafe.clean(text, keepNewlines: true))
    }
}
