import Testing
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// The key table is the single source for dispatch, footer, help and docs.
struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = Keymap.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
    }

    @Test func everyBindingDispatchesToItsCommand() {
        var state = Fixture.state()
        for binding in Keymap.bindings where binding.context == .tree {
            for key in binding.keys { #expect(Keymap.command(for: key, in: state) == binding.command, "\(key)") }
        }
        state.press(.character("/"))
        #expect(Keymap.command(for: .character("q"), in: state) == .key(.character("q")), "a prompt takes text")
        #expect(Keymap.command(for: .escape, in: state) == .back)
    }

    @Test func keyDocsListEveryBinding() {
        let docs = KeyDocs.markdown()
        for binding in Keymap.bindings {
            #expect(docs.contains("| \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |"))
        }
        #expect(docs.hasPrefix("### Always, even in dialogs\n\n| Keys | What it does |"))
        #expect(docs.contains("| `Ctrl-R` | redo what you undid |"))
    }

    @Test func helpScreenShowsEveryBinding() {
        let lines = HelpView.lines(for: Fixture.state(), width: 200).map(\.text)
        for binding in Keymap.bindings {
            #expect(lines.contains { $0.contains(binding.help) }, "\(binding.help)")
        }
    }

    @Test func footerShowsOnlyKeysThatWorkHere() {
        var state = Fixture.state()
        state.press(.character("2"))
        let hints = Keymap.hints(for: state).compactMap(\.footerText)
        #expect(hints.contains("o sort") && !hints.contains("s status"))
        state.press(.character("1"))
        state.go(to: "PV-A-1")
        state.press(.character("s"))
        #expect(Keymap.hints(for: state).compactMap(\.footerText).contains("Esc cancel"))
    }
}

struct FooterHintTests {
    @Test func aSearchHidesTheNoteHintBecauseNStepsMatches() {
        var state = Fixture.state()
        state.go(to: "PV-A-1")
        #expect(Keymap.hints(for: state).compactMap(\.footerText).contains("n note"))
        state.press(.character("/"))
        state.type("train")
        state.press(.enter)
        let hints = Keymap.hints(for: state).compactMap(\.footerText)
        #expect(hints.contains("n next match") && !hints.contains("n note"))
    }
}

/// One key path: every key goes through the table once, in `update`, whatever mode or device it comes from.
struct KeyPathTests {
    @Test(arguments: [
        ("Enter → l", [Key.enter, .right, .character("l")]), ("? F1", [.character("?"), .function(1)]),
        ("Esc Backspace", [.escape, .backspace]), ("Shift-Tab ↑", [.backTab, .up]), ("Ctrl-R", [.control("r")]),
    ])
    func labelsAreDerivedFromTheKeys(label: String, keys: [Key]) {
        #expect(Keymap.bindings.contains { $0.keys == keys && $0.label == label })
    }

    @Test func footerTextIsTheFirstKeyAndTheHint() {
        let binding = Keymap.bindings.first { $0.command == .switchScreen(.help) }
        #expect(binding?.footerText == "? help")
    }

    /// Ctrl-C is a row of the table (`.always`), so it quits from the tree and from inside every popup.
    @Test(arguments: ["", "s", "n", "e", "/", "S", "f", "x"])
    func ctrlCQuitsFromEveryMode(opening: String) {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        if !opening.isEmpty { state.type(opening) }
        #expect(state.press(.control("c")) == [.quit], "after \(opening)")
    }

    @Test func aClickIsResolvedThroughTheTableWithItsPosition() {
        var state = Fixture.state()
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 3, y: 4))))
        #expect(state.tree.selected == 2)
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 14, y: 1))))
        #expect(state.screen == .matrix)
        #expect(Keymap.bindings.contains { $0.keys == [.click] && $0.context == .global })
    }

    @Test func aClickInsideAPopupIsNotTyped() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.press(.mouse(MouseEvent(kind: .click, position: Position(x: 3, y: 4))))
        guard case .search(let prompt) = state.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.query.text.isEmpty)
    }

    /// One rule: a binding that is disabled refuses its key with the reason, leaves the footer and says
    /// why on the help screen; one that works does none of these.
    @Test(arguments: ["tree", "readOnly", "allStates", "pillar", "untracked", "searching", "history"])
    func refusalFooterAndHelpAgree(situation: String) {
        var state = Fixture.state(readOnly: situation == "readOnly")
        switch situation {
        case "allStates": state.press(.character("[")); state.go(to: "PV-A-1")
        case "pillar": break
        case "untracked": state.go(to: "PT-A-3")
        case "searching": state.press(.character("/")); state.type("zzz"); state.press(.enter)
        case "history": state.press(.character("4"))
        default: state.go(to: "PV-A-1")
        }
        let footer = Keymap.hints(for: state)
        var help = state
        help.press(.character("?"))
        let helpLines = HelpView.lines(for: help, width: 300).map(\.text)
        for context in Keymap.contexts(for: state) {
            for binding in Keymap.bindings where binding.context == context {
                guard case .command(_, let found) = Keymap.resolve(binding.keys[0], in: state), found == binding else { continue }
                var pressed = state
                let reason = binding.disabledReason(in: state)
                let effects = pressed.press(binding.keys[0])
                if let reason {
                    #expect(effects.isEmpty && pressed.message == Message(reason, kind: .error), "\(situation) \(binding.label)")
                    #expect(pressed.mode == state.mode && pressed.tree == state.tree && pressed.marks == state.marks)
                    #expect(!footer.contains(binding), "\(situation) \(binding.label) is in the footer")
                    #expect(helpLines.contains { $0.contains("(now: \(reason))") }, "\(situation) \(binding.label)")
                } else if binding.hint != nil {
                    #expect(footer.contains(binding) || footer.contains { $0.keys.contains(binding.keys[0]) } || binding.context == .always,
                            "\(situation) \(binding.label) works but is not in the footer")
                }
            }
        }
    }

    @Test func theEditingReasonsNameWhatIsWrong() {
        var state = Fixture.state(readOnly: true)
        #expect(Command.openStatusPicker.unavailableReason(in: state) == "read-only: this session cannot edit")
        state = Fixture.state()
        #expect(Command.editNote.unavailableReason(in: state) == "notes belong to actions: select one")
        state.go(to: "PT-A-3")
        #expect(Command.toggleMark.unavailableReason(in: state) == "PT-A-3 is addressed to OSCE structures and is not tracked per State")
        #expect(Command.undo.unavailableReason(in: state) == "nothing to undo")
    }
}

/// The footer ranks its hints, so help and quit never fall off a narrow terminal.
struct FooterRankTests {
    @Test(arguments: [80, 100, 120, 160])
    func helpAndQuitAlwaysShow(width: Int) {
        for screen in ["1", "2", "3", "4", "?"] {
            var state = Fixture.state(size: Size(width: width, height: 24))
            state.go(to: "PV-A-1")
            state.type(screen)
            let footer = render(state, size: Size(width: width, height: 24)).plainText().split(separator: "\n").last.map(String.init) ?? ""
            #expect(footer.contains("? help") || screen == "?", "\(width) screen \(screen): \(footer)")
            #expect(footer.contains("q quit"), "\(width) screen \(screen): \(footer)")
        }
    }

    @Test func at120ColumnsTheTreeFooterShowsExportAndQuit() {
        var state = Fixture.state(size: Size(width: 120, height: 40))
        state.go(to: "PV-A-1")
        let footer = render(state, size: Size(width: 120, height: 40)).plainText().split(separator: "\n").last.map(String.init) ?? ""
        for hint in ["s status", "n note", "x export", "q quit", "? help"] { #expect(footer.contains(hint), "\(hint): \(footer)") }
    }

    @Test func theChosenHintsFitAndKeepTableOrder() {
        let state = Fixture.state()
        let chosen = Keymap.footer(for: state, width: 40)
        let width = chosen.map { TextWidth.columns(of: $0.footerText ?? "") }.reduce(0, +) + 2 * max(0, chosen.count - 1) + 1
        #expect(width <= 40)
        let all = Keymap.hints(for: state)
        #expect(chosen.map { all.firstIndex(of: $0)! } == chosen.map { all.firstIndex(of: $0)! }.sorted())
    }
}

/// Desk officer's item 1: below 80×24 only the notice is drawn, so keys must not act blind.
struct TooSmallTests {
    @Test func keysWaitWhileTheTerminalIsTooSmall() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        _ = update(&state, .resize(Size(width: 60, height: 20)))
        let before = state
        #expect(state.press(.character("s"), .character("6")).isEmpty)
        #expect(state.mode == .browsing && state.tracker == before.tracker)
        #expect(state.press(.character("q")) == [.quit])
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.press(.character("s"))
        #expect(state.mode != .browsing)
    }
}
