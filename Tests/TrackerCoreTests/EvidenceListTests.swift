import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// `E`: an action's evidence, edited, removed and opened from the TUI.
struct EvidenceListTests {
    static let campaign = "https://example.org/xa/campaign"

    func onPVA1(readOnly: Bool = false) -> AppState {
        var state = Fixture.state(readOnly: readOnly)
        state.go(to: "PV-A-1")
        return state
    }

    func drafts(_ effects: [Effect]) -> [EventDraft] {
        effects.flatMap { effect -> [EventDraft] in
            if case .record(let drafts) = effect { return drafts }
            return []
        }
    }

    @Test func eOpensTheListAndDRemovesTheReferenceAsOneChangeBasedOnTheHead() {
        var state = onPVA1()
        state.press(.character("E"))
        #expect(state.mode == .evidenceList(EvidenceList(state: "XA", action: "PV-A-1")))
        #expect(render(state, size: state.size).plainText().contains(Self.campaign))
        let written = drafts(state.press(.character("d")))
        #expect(written == [EventDraft(state: "XA", action: "PV-A-1", evidenceRemoved: [Self.campaign], base: ["e02"])])
        #expect(state.mode == .browsing, "the list closes when its last reference is gone")
    }

    @Test func enterEditsTheReferenceInPlaceAsOneEvent() {
        var state = onPVA1()
        state.press(.character("E"), .enter)
        guard case .evidenceInput(let draft) = state.mode else { Issue.record("no editor"); return }
        #expect(draft.input.text == Self.campaign && draft.replacing == Self.campaign)
        state.type("-2026")
        let written = drafts(state.press(.enter))
        #expect(written == [EventDraft(state: "XA", action: "PV-A-1", evidenceAdded: [Self.campaign + "-2026"],
                                       evidenceRemoved: [Self.campaign], base: ["e02"])])
    }

    @Test func oAsksTheRunnerToOpenItAndNothingElse() {
        var state = onPVA1()
        let effects = state.press(.character("E"), .character("o"))
        #expect(effects == [.open(Self.campaign)])
        _ = update(&state, .openFailed("no program to open it with"))
        #expect(state.message?.text == "could not open: no program to open it with")
    }

    @Test func cAsksForACopyToTheClipboard() {
        var state = onPVA1()
        #expect(state.press(.character("E"), .character("c")) == [.copy(Self.campaign)])
        _ = update(&state, .copied(Self.campaign))
        #expect(state.message?.text == "copied \(Self.campaign) to the clipboard")
    }

    @Test func readOnlyMayLookAndOpenButNotChange() {
        var state = onPVA1(readOnly: true)
        state.press(.character("E"))
        #expect(drafts(state.press(.character("d"))).isEmpty)
        #expect(state.message?.text.hasPrefix("read-only") == true)
        #expect(state.press(.character("o")) == [.open(Self.campaign)])
    }

    @Test func anActionWithoutEvidenceSaysHowToAddOne() {
        var state = Fixture.state()
        state.go(to: "PV-A-2")
        state.press(.character("E"))
        #expect(state.mode == .browsing)
        #expect(state.message?.text == "no evidence on PV-A-2 yet: e adds one")
    }
}
