import Testing
import TestSupport
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// Follow-up dates and officers in the TUI: the `d` dialog, "my States", the warning on someone else's
/// State, and the Dashboard's desk section.
@Suite struct FollowUpTUITests {
    // MARK: - The follow-up dialog

    @Test func dOpensTheDialogWithTheCurrentValuesAndEnterRecordsAFollowUpEvent() throws {
        var state = DeskFixture.state(user: "boris")
        #expect(state.selection == .state("XA"))
        state.go(to: "PV-A-1")
        state.press(.character("d"))
        guard case .form(let form) = state.mode else { Issue.record("no dialog: \(state.mode)"); return }
        #expect(form.title == "Follow-up: XA PV-A-1")
        #expect(form.fields.map(\.text) == ["2026-11-20", "boris"])
        // Replace the date (Ctrl-U clears a line input? use Backspace ten times) and the owner.
        state.press(.end); for _ in 0..<10 { state.press(.backspace) }
        state.type("2026-12-15")
        state.press(.tab, .end); for _ in 0..<5 { state.press(.backspace) }
        state.type("alice")
        var runner = FakeRunner()
        let effects = state.press(.enter)
        guard case .record(let drafts)? = effects.first else { Issue.record("no record effect: \(effects)"); return }
        #expect(drafts.map(\.change) == [Change(followUp: .set(FollowUp(date: ReviewDate(parsing: "2026-12-15")!, owner: "alice")))])
        #expect(drafts[0].base == ["f1"])
        _ = runner.perform(effects, on: &state)
        #expect(state.mode == .browsing)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-1").followUp?.owner == "alice")
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-1").status == .implemented)
        #expect(state.message?.text == "saved: XA PV-A-1 follow-up 2026-12-15 (alice)")
        // u restores the earlier follow-up as a compensating event.
        _ = runner.perform(state.press(.character("u")), on: &state)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-1").followUp == FollowUp(date: ReviewDate(parsing: "2026-11-20")!, owner: "boris"))
        #expect(runner.written.last?.undoes == runner.written.first?.id)
        // An empty date and owner clear it.
        state.press(.character("d"), .end); for _ in 0..<10 { state.press(.backspace) }
        state.press(.tab, .end); for _ in 0..<5 { state.press(.backspace) }
        _ = runner.perform(state.press(.enter), on: &state)
        #expect(state.tracker.assessment(state: "XA", action: "PV-A-1").followUp == nil)
        #expect(runner.written.last?.change == Change(followUp: .cleared))
    }

    @Test(arguments: [
        ("2026-02-30", "", "“2026-02-30” is not a date like 2026-01-31"),
        ("2026-11-28", "", "2026-11-28 is in the past (today is 2026-11-29)"),
        ("", "carol", "give a date for carol to follow up, or empty both to clear"),
        ("2026-12-01", "a\u{7}b", "invalid name 'a␇b': a name cannot contain control characters"),
    ])
    func badInputKeepsTheDialogOpenWithTheError(date: String, owner: String, error: String) {
        var state = DeskFixture.state(user: "boris")
        state.go(to: "PV-A-2")
        state.press(.character("d"))
        state.type(date)
        state.press(.tab); for _ in 0..<5 { state.press(.backspace) }
        state.type(owner)
        #expect(state.press(.enter).isEmpty)
        guard case .form(let form) = state.mode else { Issue.record("closed"); return }
        #expect(form.error == error)
    }

    @Test func readOnlyReviewersCannotSetAFollowUp() {
        var state = DeskFixture.state(user: "boris", readOnly: true)
        state.go(to: "PV-A-1")
        #expect(state.press(.character("d")).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message?.text.hasPrefix("read-only") == true)
    }

    @Test func theKeyIsInTheKeymapThePaletteAndTheRebindableNames() {
        #expect(Keymap.bindings.contains { $0.command == .editFollowUp && $0.keys == [.character("d")] && $0.context == .tree })
        #expect(Keymap.bindings.contains { $0.command == .toggleMyStates && $0.keys == [.character("M")] })
        let state = DeskFixture.state(user: "alice")
        #expect(Palette.entries(for: "follow-up", in: state).first?.command == .run(.editFollowUp))
        #expect(Palette.entries(for: "my states", in: state).first?.command == .run(.toggleMyStates))
        #expect(Command.editFollowUp.configName == "follow-up")
        #expect(Command.toggleMyStates.configName == "my-states")
    }

    // MARK: - Officers

    @Test func anOfficerOpensOnTheirStatesAndMTogglesAllStates() {
        var state = DeskFixture.state(user: "Alice")
        #expect(state.myStatesOnly)
        #expect(state.states.map(\.code) == ["XB", "XC"])
        #expect(state.selection == .state("XB"))
        state.press(.character("M"))
        #expect(!state.myStatesOnly)
        #expect(state.states.map(\.code) == ["XA", "XB", "XC"])
        #expect(state.message?.text == "all States (M shows only yours)")
        state.press(.character("["))   // to XA
        #expect(state.selection == .state("XA"))
        state.press(.character("M"))
        #expect(state.selection == .state("XB"), "XA is not hers: the first of hers is selected")
        #expect(state.message?.text == "my States: XB XC (M shows all)")
    }

    @Test func anExplicitStateIsKeptAndSomeoneWhoIsNotAnOfficerSeesEveryState() {
        let started = DeskFixture.state(user: "alice", initialState: "XA")
        #expect(started.selection == .state("XA"))
        var stranger = DeskFixture.state(user: "zoe")
        #expect(!stranger.myStatesOnly)
        #expect(stranger.states.map(\.code) == ["XA", "XB", "XC"])
        stranger.press(.character("M"))
        #expect(stranger.message?.text == "you are not a listed officer (zoe); see `actionplan officers`")
    }

    @Test func editingAStateSomeoneElseFollowsWarnsButSaves() {
        var state = DeskFixture.state(user: "alice", initialState: "XA")
        var runner = FakeRunner()
        state.go(to: "PV-A-2")
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        #expect(runner.written.count == 1)
        #expect(state.message?.text == "saved: XA PV-A-2 → ◔ In progress · note: XA is followed by boris, not alice"
                || state.message?.text.hasSuffix("· note: XA is followed by boris, not alice") == true, "\(state.message?.text ?? "")")
        // Her own State: no warning.
        state.select(.state("XB"))
        _ = runner.perform(state.press(.character("s"), .character("3")), on: &state)
        #expect(state.message?.text.contains("followed by") == false)
    }

    // MARK: - Dashboard

    @Test func theDeskFiguresCountFollowUpsAndOfficers() throws {
        var state = DeskFixture.state(user: "zoe")
        let agenda = try #require(state.desk.agenda)
        #expect(agenda.items.map { "\($0.state) \($0.action) \($0.daysLeft)" } == ["XA PV-A-1 -9", "XB PV-A-1 11"])
        #expect(state.desk.officers.map { "\($0.officer) \($0.states.count) \($0.overdue)" } == ["alice 2 0", "boris 1 1"])
        // Under "my States" only her States count.
        state = DeskFixture.state(user: "alice")
        #expect(state.desk.agenda?.items.map(\.state) == ["XB"])
        // A new day recounts.
        _ = update(&state, .tick(Fixture.time("2026-12-11T08:00:00Z")))
        #expect(state.desk.agenda?.items.first?.daysLeft == -1)
    }
}

/// The screens of this feature, as goldens (80×24 and 120×40).
struct FollowUpScreenGoldenTests {
    static let scenarios: [(String, @Sendable (Size) -> AppState)] = [
        ("followUpDialog", { size in
            var s = DeskFixture.state(user: "boris", size: size); s.go(to: "PV-A-1"); s.press(.character("d")); return s }),
        ("followUpDialogError", { size in
            var s = DeskFixture.state(user: "boris", size: size); s.go(to: "PV-A-2"); s.press(.character("d")); s.type("2026-11-01"); s.press(.enter); return s }),
        ("treeFollowUp", { size in
            var s = DeskFixture.state(user: "boris", size: size); s.go(to: "PV-A-1"); return s }),
        ("dashboardDesk", { size in
            var s = DeskFixture.state(user: "zoe", size: size); s.press(.character("3")); return s }),
        ("myStatesWarning", { size in
            var s = DeskFixture.state(user: "alice", initialState: "XA", size: size)
            var runner = FakeRunner()
            s.go(to: "PV-A-2")
            _ = runner.perform(s.press(.character("s"), .character("3")), on: &s)
            return s }),
    ]

    @Test(arguments: scenarios.map(\.0))
    func screens(_ name: String) throws {
        let make = try #require(Self.scenarios.first { $0.0 == name }?.1)
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            Golden.check(render(make(size), size: size).plainText(), named: "\(name)-\(size.width)x\(size.height)")
        }
    }
}
