import Testing
import TestSupport
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// Reporting rounds in the TUI: the header's countdown, the "not reviewed this round" filter (`r`) and
/// the comparison view (`C`).
///
/// ```
/// "Spring review"   opens 2026-09-01, due 2026-09-30, closed as of 2026-10-03 23:59:59.999
/// "Autumn survey"   opens 2026-10-04, due 2026-12-31, open; today 2026-11-18: 43 days left
///
/// Fixture events (2026-10-01 … 10-08) plus XA PR-A-1 implemented (10-20), XA PV-A-1 in progress (10-21)
/// Reviewed in the autumn survey: XA PT-A-1, PV-A-2, PR-A-1, PV-A-1; XB PV-A-1, PS-B-1; XC PV-B-1
/// ```
@Suite("Rounds in the TUI: header, not-reviewed filter, comparison view")
struct RoundTests {
    static let spring = RoundBook.openRecord(id: "r1", time: Fixture.time("2026-09-01T08:00:00Z"), author: "alice",
                                             name: "Spring review", opens: "2026-09-01", due: "2026-09-30")
    static var office: [OfficeRecord] {
        let round = RoundBook(records: [spring]).rounds[0]
        return [
            spring,
            RoundBook.closeRecord(id: "c1", time: Fixture.time("2026-10-03T18:00:00Z"), author: "alice", round: round,
                                  at: Timestamp.endOfDay("2026-10-03")!),
            RoundBook.openRecord(id: "r2", time: Fixture.time("2026-10-04T08:00:00Z"), author: "alice",
                                 name: "Autumn survey", opens: "2026-10-04", due: "2026-12-31"),
        ]
    }

    static let later = [
        ChangeEvent(id: "e09", time: Fixture.time("2026-10-20T09:00:00Z"), author: "alice", state: "XA", action: "PR-A-1", status: .implemented),
        ChangeEvent(id: "e10", time: Fixture.time("2026-10-21T09:00:00Z"), author: "alice", state: "XA", action: "PV-A-1", status: .inProgress),
    ]

    static func state(office: [OfficeRecord] = RoundTests.office, readOnly: Bool = false, size: Size = Size(width: 80, height: 24),
                      tracker: Tracker? = nil) -> AppState {
        var tracker = tracker ?? Fixture.tracker(events: Fixture.events + later)
        tracker.office = office
        var state = AppState(tracker: tracker, options: AppOptions(storeName: "fixture-store", initialState: "XA", readOnly: readOnly))
        _ = update(&state, .resize(size))
        _ = update(&state, .tick(Fixture.time("2026-11-18T10:00:00Z")))
        return state
    }

    var visibleActions: (AppState) -> [String] = { $0.tree.items.compactMap(\.id.actionID) }

    // MARK: - Header

    @Test("the header names the current round and its countdown; the name gives way first when room is short")
    func header() {
        let wide = render(Self.state(size: Size(width: 120, height: 40)), size: Size(width: 120, height: 40)).plainText()
        #expect(wide.split(separator: "\n")[1].hasSuffix("Autumn survey · 43 days left"))
        var overdue = Self.state()
        _ = update(&overdue, .tick(Fixture.time("2027-01-03T10:00:00Z")))
        #expect(Chrome.roundNote(overdue, room: 40) == "Autumn survey · overdue by 3 days")
        #expect(Chrome.roundNote(overdue, room: 26) == "Autum… · overdue by 3 days")
        #expect(Chrome.roundNote(overdue, room: 10) == nil)
        #expect(Chrome.roundNote(Self.state(office: []), room: 80) == nil, "no round, no note")
    }

    // MARK: - Filter

    @Test("r shows only the actions the State has not reviewed since the round opened; r again shows all")
    func notReviewedFilter() {
        var state = Self.state()
        state.press(.character("r"))
        #expect(state.filter.notReviewed)
        #expect(state.message?.text == "not reviewed in 'Autumn survey' (no event since 2026-10-04): 13 actions; r again shows all")
        let shown = Set(visibleActions(state))
        #expect(!shown.contains("PV-A-1") && !shown.contains("PV-A-2") && !shown.contains("PR-A-1") && !shown.contains("PT-A-1"))
        #expect(shown.contains("PV-A-3") && shown.contains("PS-B-2"))
        #expect(!shown.contains("PT-A-3"), "an action for OSCE structures is never reviewed per State, and is not listed")
        state.press(.character("r"))
        #expect(!state.filter.isActive)
        #expect(visibleActions(state).count == 18)
    }

    @Test("an action reviewed while the filter is on leaves the list; the filter dialog keeps the flag; C is in the palette")
    func reviewingUnderTheFilter() {
        var state = Self.state()
        var runner = FakeRunner()
        state.press(.character("r"))
        state.go(to: "PV-A-3")
        _ = runner.perform(state.press(.character("s"), .character("2")), on: &state)
        #expect(!Set(visibleActions(state)).contains("PV-A-3"), "reviewed now")
        #expect(visibleActions(state).count == 12)
        state.press(.character("f"), .enter)
        #expect(state.filter.notReviewed)
        #expect(Palette.entries(for: "compare", in: state).first?.command == .run(.compareRounds))
    }

    @Test("under All States an action stays while some State has not reviewed it; switching State refilters")
    func notReviewedAllStates() {
        var state = Self.state()
        state.press(.character("r"))
        state.press(.character("["))
        #expect(state.selection == .all)
        #expect(Set(visibleActions(state)).contains("PV-A-1"), "XC has not reviewed PV-A-1")
        state.press(.character("]"), .character("]"))
        #expect(state.selection == .state("XB"))
        #expect(!Set(visibleActions(state)).contains("PV-A-1") && Set(visibleActions(state)).contains("PT-A-1"))
    }

    @Test("without an open round r is refused with the reason; the palette offers the filter by name")
    func noRound() {
        var state = Self.state(office: [])
        state.press(.character("r"))
        #expect(!state.filter.isActive)
        #expect(state.message == Message("no round is open (actionplan round open NAME --due YYYY-MM-DD)", kind: .error))
        var withRound = Self.state()
        let entries = Palette.entries(for: "filter unreviewed", in: withRound)
        #expect(entries.map(\.title) == ["filter: not reviewed this round ('Autumn survey', since 2026-10-04)"])
        withRound.press(.character(":"))
        withRound.type("filter unreviewed")
        withRound.press(.enter)
        #expect(withRound.filter.notReviewed)
    }

    // MARK: - Comparison

    @Test("C compares the last closed round with the current one; a and b pick other rounds; Esc closes; reviewers may use it")
    func comparison() throws {
        var state = Self.state(readOnly: true)
        #expect(state.press(.character("C")) == [])
        guard case .roundComparison(let view) = state.mode else { Issue.record("not open"); return }
        #expect((view.a, view.b) == (0, 1))
        let c = try #require(view.comparison)
        let xa = try #require(c.byState.first { $0.key == "XA" })
        #expect((xa.improved, xa.regressed, xa.other, xa.notReviewed) == (1, 1, 1, 13))
        #expect(c.moved.map { "\($0.state) \($0.action) \($0.direction.rawValue)" }.contains("XA PR-A-1 improved"))
        state.press(.character("b"))
        guard case .roundComparison(let swapped) = state.mode else { Issue.record("closed"); return }
        #expect((swapped.a, swapped.b) == (0, 1), "with two rounds, b cannot be a as well")
        state.press(.character("a"))
        guard case .roundComparison(let again) = state.mode else { Issue.record("closed"); return }
        #expect((again.a, again.b) == (0, 1))
        state.press(.escape)
        #expect(state.mode == .browsing)
    }

    @Test("with fewer than two rounds C is refused, saying why")
    func comparisonNeedsTwoRounds() {
        var state = Self.state(office: [Self.spring])
        state.press(.character("C"))
        #expect(state.mode == .browsing)
        #expect(state.message == Message("comparing needs two rounds; the store has 1 (actionplan round list)", kind: .error))
    }

    @Test("a store opened with recent history asks the store to compare (never the whole history), then shows its answer; an older answer is dropped")
    func comparisonAskedOfTheStore() throws {
        var recent = Fixture.tracker(events: Fixture.events + Self.later)
        let xa = recent.journal("XA")
        let windows = Set(xa.events.map(\.action)).sorted().map { action in
            PairWindow(action: action, start: .unassessed, omitted: action == "PV-A-1" ? 1 : 0,
                       events: action == "PV-A-1" ? Array(xa.events(for: action).suffix(2)) : xa.events(for: action))
        }
        recent.journals["XA"] = Journal(state: "XA", windows: windows, newest: 2)
        #expect(!recent.isHistoryComplete)
        var state = Self.state(tracker: recent)
        let effects = state.press(.character("C"))
        guard case .compareRounds(let request)? = effects.first, effects.count == 1 else {
            Issue.record("expected one .compareRounds, got \(effects)"); return
        }
        #expect(!effects.contains { if case .loadHistory = $0 { true } else { false } })
        guard case .roundComparison(let waiting) = state.mode else { Issue.record("not open"); return }
        #expect(waiting.waiting && waiting.comparison == nil)
        var complete = Fixture.tracker(events: Fixture.events + Self.later)
        complete.office = Self.office
        let answer = RoundComparison(tracker: complete, a: request.a, b: request.b, states: request.states)
        // An answer for other rounds (the user pressed a or b meanwhile) is dropped.
        var stale = request
        stale.a = request.b
        stale.b = request.a
        _ = update(&state, .roundsCompared(stale, answer))
        guard case .roundComparison(let still) = state.mode else { Issue.record("closed"); return }
        #expect(still.waiting && still.comparison == nil)
        _ = update(&state, .roundsCompared(request, answer))
        guard case .roundComparison(let shown) = state.mode else { Issue.record("closed"); return }
        #expect(!shown.waiting && shown.comparison == answer)
        #expect(!state.tracker.isHistoryComplete, "the session keeps its recent history")
        // A failure closes the view with the reason.
        _ = update(&state, .roundsCompareFailed(request, "disk on fire"))
        #expect(state.mode == .roundComparison(shown), "no longer waiting: a late failure changes nothing")
    }

    // MARK: - Goldens

    static let scenarios: [(String, @Sendable (inout AppState) -> Void)] = [
        ("roundHeader", { $0.go(to: "PV-A-3") }),
        ("roundNotReviewed", { s in s.press(.character("r")); s.expandAll() }),
        ("roundComparison", { s in s.press(.character("C")) }),
        ("roundComparisonScrolled", { s in s.press(.character("C"), .pageDown) }),
    ]

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func goldens(size: Size) {
        for (name, prepare) in Self.scenarios {
            var state = Self.state(size: size)
            prepare(&state)
            Golden.check(render(state, size: size).plainText(), named: "\(name)-\(size.width)x\(size.height)")
        }
    }
}
