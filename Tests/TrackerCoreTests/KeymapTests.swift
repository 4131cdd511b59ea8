import Testing
import ActionPlanModel
@testable import TrackerCore

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
        #expect(docs.hasPrefix("### Everywhere\n\n| Keys | What it does |"))
        #expect(docs.contains("| `Ctrl-R` | redo what you undid |"))
    }

    @Test func helpScreenShowsEveryBinding() {
        let lines = HelpView.lines().map(\.0)
        for binding in Keymap.bindings {
            #expect(lines.contains { $0.contains(binding.help) }, "\(binding.help)")
        }
    }

    @Test func footerShowsOnlyKeysThatWorkHere() {
        var state = Fixture.state()
        state.press(.character("2"))
        let hints = Keymap.hints(for: state).compactMap(\.hint)
        #expect(hints.contains("o sort") && !hints.contains("s status"))
        state.press(.character("1"))
        state.go(to: "PV-A-1")
        state.press(.character("s"))
        #expect(Keymap.hints(for: state).compactMap(\.hint).contains("Esc cancel"))
    }
}

struct FooterHintTests {
    @Test func aSearchHidesTheNoteHintBecauseNStepsMatches() {
        var state = Fixture.state()
        #expect(Keymap.hints(for: state).compactMap(\.hint).contains("n note"))
        state.press(.character("/"))
        state.type("train")
        state.press(.enter)
        let hints = Keymap.hints(for: state).compactMap(\.hint)
        #expect(hints.contains("n/N match") && !hints.contains("n note"))
    }
}
