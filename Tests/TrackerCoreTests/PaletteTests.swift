import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// The command palette (`:`): made from the key table, searched by name, run as if the key were pressed.
struct PaletteTests {
    func entries(_ state: AppState) -> [Palette.Entry] {
        guard case .palette(let palette) = state.mode else { return [] }
        return Palette.entries(for: palette.query.text, in: state)
    }

    @Test func itListsTheKeyTableCommandsOfTheScreenWithTheirKeys() {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        let all = entries(state)
        // Every non-pointer binding of the tree and global contexts is there, with the keys the help shows.
        let expected = Keymap.bindings.filter { [.tree, .global].contains($0.context) }
            .filter { !Palette.pointerCommands.contains($0.command) && $0.command != .openPalette }
            .filter { !$0.keys.allSatisfy { if case .mouse = $0 { true } else { false } } }
        for binding in expected {
            #expect(all.contains { $0.title == binding.help && $0.keys == binding.label }, "missing: \(binding.help)")
        }
        #expect(!all.contains { $0.title == "move up" }, "pointer moves are not commands worth a palette row")
        #expect(all.contains { $0.keys == ":state" } && all.contains { $0.keys == ":export" })
    }

    @Test(arguments: [
        ("note", "edit the note"), ("undo", "undo your last change (a compensating event)"),
        ("expt", "export (CSV, JSON, Markdown, HTML, XLSX)"), ("sync", "sync with the other offices (git: commit, merge, push)"),
    ])
    func typingFindsTheCommandFirst(query: String, first: String) {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        _ = state.type(query)
        #expect(entries(state).first?.title == first)
    }

    @Test func enterRunsTheCommandAsItsKeyWould() {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        _ = state.type("matrix")
        _ = state.press(.enter)
        #expect(state.screen == .matrix)
        #expect(state.mode == .browsing)
    }

    @Test func aCommandThatDoesNotApplyIsRefusedWithTheKeysReason() {
        var state = Fixture.state(readOnly: true)
        _ = state.press(.character(":"))
        _ = state.type("edit the note")
        let screen = render(state, size: state.size).plainText()
        #expect(screen.contains("not here: read-only"), "\(screen)")
        _ = state.press(.enter)
        #expect(state.mode == .browsing)
        #expect(state.message?.text.hasPrefix("read-only") == true)
    }

    @Test func stateTakesANameOrCode() {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        _ = state.type("state bord")
        #expect(entries(state).map(\.title) == ["state: XB Borduria"])
        _ = state.press(.enter)
        #expect(state.selection == .state("XB"))
    }

    @Test func exportTakesAFormatAndOpensTheDialogWithIt() {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        _ = state.type("export xl")
        _ = state.press(.enter)
        guard case .form(let form) = state.mode else { Issue.record("the export dialog is not open"); return }
        #expect(form.value("Format") == "xlsx")
        #expect(form.value("Path") == "actionplan-XA.xlsx")
    }

    @Test func anArgumentWordAloneTypesItselfAndWaitsForTheArgument() {
        var state = Fixture.state()
        _ = state.press(.character(":"))
        _ = state.type("stat")
        let index = entries(state).firstIndex { $0.keys == ":state" } ?? 0
        for _ in 0..<index { _ = state.press(.down) }
        _ = state.press(.enter)
        guard case .palette(let palette) = state.mode else { Issue.record("the palette closed"); return }
        #expect(palette.query.text == "state ")
        #expect(entries(state).count == 4, "All States and the three fictional States")
    }

    @Test func escClosesAndNothingHappened() {
        var state = Fixture.state()
        let before = state
        _ = state.press(.character(":"))
        _ = state.type("quit")
        _ = state.press(.escape)
        #expect(state == before)
    }
}

extension PaletteTests {
    @Test func filterTagStatusAndPillarFromThePalette() {
        var state = Fixture.state()
        state.press(.character("2"), .character(":"))
        state.type("filter tag chi")
        #expect(entries(state).map(\.title) == ["filter: tag children (Children)"])
        state.press(.enter)
        #expect(state.screen == .tree)
        #expect(state.filter == TreeFilter(tag: "children"))
        state.press(.character(":"))
        state.type("filter status not-st")
        state.press(.enter)
        #expect(state.filter == TreeFilter(status: .notStarted, tag: "children"), "filters combine, as in the dialog")
        state.press(.character(":"))
        state.type("filter clear")
        state.press(.enter)
        #expect(state.filter == TreeFilter())
    }
}
