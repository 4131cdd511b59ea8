import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// Rebound keys from the settings: one changed table drives dispatch, footer, help and palette.
struct KeyRebindingTests {
    func state(_ overrides: [String: [Key]]) -> AppState {
        var state = AppState(tracker: Fixture.tracker(), options: AppOptions(storeName: "s", initialState: "XA", keys: overrides))
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        state.go(to: "PV-A-1")
        return state
    }

    @Test func theNewKeyRunsTheCommandAndTheOldOneNoLonger() {
        var moved = state(["note": [.character("w")]])
        moved.press(.character("n"))
        #expect(moved.mode == .browsing, "n is free now")
        moved.press(.character("w"))
        guard case .noteEditor = moved.mode else { Issue.record("w did not open the note editor"); return }
    }

    @Test func footerHelpAndPaletteShowTheNewKey() {
        var moved = state(["note": [.character("w")], "status": [.character("m")]])
        let screen = render(moved, size: moved.size).plainText()
        #expect(screen.contains("m status") && screen.contains("w note"), "\(screen)")
        moved.press(.character("?"))
        let help = render(moved, size: moved.size).plainText()
        #expect(help.contains("   w              edit the note"), "\(help)")
        moved.press(.escape, .character(":"))
        moved.type("edit the note")
        guard case .palette(let palette) = moved.mode else { Issue.record("no palette"); return }
        #expect(Palette.entries(for: palette.query.text, in: moved).first?.keys == "w")
    }

    @Test(arguments: [
        ([("nte", ["w"])], ["unknown command 'nte'; did you mean 'note'? (the names are listed in the user guide, \"Settings\")"]),
        ([("note", ["Ctrl-%"])], ["'Ctrl-%' is not a key (write it as the help shows keys: s, S, Ctrl-R, F2, Enter, PgDn)"]),
        ([("status", ["q"])], ["q is also 'quit' (Everywhere); choose another key"]),
        ([("export", ["o"])], ["o is also 'sort' (Matrix); choose another key"]),
    ])
    func problems(_ raw: [(String, [String])], _ expected: [String]) {
        guard case .failure(let problems) = KeyRebinding.check(raw.map { (name: $0.0, keys: $0.1) }) else {
            Issue.record("accepted"); return
        }
        #expect(problems.all.map(\.message) == expected)
    }

    @Test func keepingADefaultKeyThatIsShadowedByDesignIsNoClash() {
        // n edits notes, and while a search is active it is "next match": that is the default table.
        #expect((try? KeyRebinding.check([(name: "note", keys: ["n", "w"])]).get()) == ["note": [.character("n"), .character("w")]])
    }

    @Test func everyScreenCommandHasOneName() {
        for binding in Keymap.bindings where KeyRebinding.contexts.contains(binding.context) {
            let mouse = binding.keys.allSatisfy { if case .mouse = $0 { true } else { false } }
            #expect(mouse || binding.command.configName != nil, "no name for \(binding.help)")
        }
        #expect(Set(KeyRebinding.names).count == KeyRebinding.names.count)
    }

    @Test(arguments: [("s", Key.character("s")), ("Ctrl-R", .control("r")), ("F2", .function(2)), ("PgDn", .pageDown),
                      ("Space", .character(" ")), ("Shift-Tab", .backTab), ("↑", .up), ("Enter", .enter)])
    func keysAreWrittenAsTheHelpWritesThem(_ label: String, _ key: Key) {
        #expect(Key(label: label) == key)
        #expect(Key(label: key.label) == key)
    }
}

extension KeyRebindingTests {
    @Test func theUserGuideListsEveryCommandName() throws {
        let guide = try String(contentsOf: UserGuideKeysTests.guide, encoding: .utf8)
        for name in KeyRebinding.names { #expect(guide.contains("`\(name)`"), "docs/user-guide.md does not list `\(name)`") }
    }
}
