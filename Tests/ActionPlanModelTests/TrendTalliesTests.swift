import Testing
import TestSupport
@testable import ActionPlanModel

/// A trend summed from per-journal tallies is the trend folded from the whole tracker: the store can fold
/// one journal at a time and keep only these few numbers.
@Suite("TrendTallies: a trend that adds up journal by journal")
struct TrendTalliesTests {
    let pillars = Fixture.catalog.pillars

    func tracker(_ events: [ChangeEvent]) -> Tracker {
        Tracker(catalog: Fixture.catalog, directory: Fixture.states, journals: Dictionary(grouping: events, by: \.state)
            .mapValues { Journal(state: $0[0].state, events: $0) })
    }

    /// The sum of the tallies the store would keep: folded without an end when they cover it (the
    /// cached kind), else up to the end.
    func summed(_ tracker: Tracker, states: [String], pillars: [Pillar], through end: Timestamp, months: Int? = nil) -> TrendSeries {
        let tallies = states.compactMap { tracker.journals[$0] }.map { journal in
            let open = TrendTallies(journal: journal, pillars: Fixture.catalog.pillars)
            return open.covers(end) ? open : TrendTallies(journal: journal, pillars: Fixture.catalog.pillars, through: end)
        }
        return TrendSeries(tallies: tallies, states: states.count, pillars: pillars, through: end, months: months)
    }

    /// Random histories: chains, concurrent branches, events without a base, clocks behind (times drawn
    /// at random, so the causal order is often not the time order), undo events, actions out of scope.
    static func randomEvents(_ random: inout SeededRandom, states: [String], actions: [String], count: Int) -> [ChangeEvent] {
        var events: [ChangeEvent] = []
        var heads: [String: [String]] = [:]
        for n in 0..<count {
            let state = states[Int(random.next() % UInt64(states.count))]
            let action = actions[Int(random.next() % UInt64(actions.count))]
            let key = state + action
            let day = Int(random.next() % 400)
            let time = Timestamp(milliseconds: Fixture.t("2025-09-01T00:00:00Z").milliseconds + Int64(day) * 86_400_000
                                 + Int64(random.next() % 86_400_000))
            let status = Status.allCases[Int(random.next() % UInt64(Status.allCases.count))]
            let choice = random.next() % 10
            let base: [String]? = choice < 7 ? (heads[key] ?? []) : choice < 9 ? [] : nil
            let id = "e\(1000 + n)"
            events.append(ChangeEvent(id: id, time: time, author: "a", state: state, action: action, base: base,
                                      status: random.next() % 5 == 0 ? nil : status, note: "n\(n)",
                                      undoes: random.next() % 6 == 0 ? heads[key]?.first : nil))
            heads[key] = [id]
        }
        return events
    }

    @Test("summed tallies equal the whole-tracker trend: any history, pillar scope, end and window (seeded property test)")
    func sumEqualsTheWholeFold() {
        var random = SeededRandom(seed: 2026)
        let actions = ["PV-1", "PV-2", "PR-1", "PR-X", "PT-1", "PA-1", "GONE-1"]
        let ends = ["2025-08-01T00:00:00Z", "2025-12-31T23:59:59.999Z", "2026-03-15T10:00:00Z", "2026-10-03T00:00:00Z",
                    "2027-06-01T00:00:00Z"].map(Fixture.t)
        var drawn = 0
        for round in 0..<120 {
            let t = tracker(Self.randomEvents(&random, states: ["XA", "XB", "XP"], actions: actions, count: Int(random.next() % 60)))
            let states = [["XA", "XB", "XT"], ["XB"], ["XA", "XP"]][round % 3]
            let scope = round % 4 == 0 ? [pillars[0], pillars[2]] : pillars
            let end = ends[Int(random.next() % UInt64(ends.count))]
            let months: Int? = round % 5 == 0 ? 3 : nil
            let whole = TrendSeries(tracker: t, states: states, pillars: scope, through: end, months: months)
            #expect(summed(t, states: states, pillars: scope, through: end, months: months) == whole, "round \(round)")
            if whole.points.count > 1 { drawn += 1 }
        }
        // Most rounds draw a real series (not two empty ones agreeing).
        #expect(drawn > 50)
    }

    @Test("tallies folded without an end give every later end; an end before the newest event needs its own fold")
    func covers() {
        let journal = Journal(state: "XA", events: [
            Fixture.event("a", "2026-01-10T09:00:00Z", action: "PV-1", status: .inProgress),
            Fixture.event("b", "2026-03-20T09:00:00Z", action: "PV-1", status: .implemented),
        ])
        let open = TrendTallies(journal: journal, pillars: pillars)
        #expect(open.latest == Fixture.t("2026-03-20T09:00:00Z"))
        #expect(open.covers(Fixture.t("2026-03-20T09:00:00Z")) && open.covers(Fixture.t("2027-01-01T00:00:00Z")))
        #expect(!open.covers(Fixture.t("2026-03-20T08:00:00Z")))
        // Month 2026-01: not assessed → in progress; 2026-03: in progress → implemented (prevention = pillar 0).
        let jan = TrendTallies.monthNumber(Fixture.t("2026-01-31T00:00:00Z"))
        #expect(open.changes.keys.sorted() == [jan, jan + 2])
        #expect(open.changes[jan]![Status.inProgress.rank] == 1 && open.changes[jan]![Status.notAssessed.rank] == -1)
        let cut = TrendTallies(journal: journal, pillars: pillars, through: Fixture.t("2026-03-01T00:00:00Z"))
        #expect(cut.covers(Fixture.t("2026-03-01T00:00:00Z")) && !cut.covers(Fixture.t("2026-03-02T00:00:00Z")))
        #expect(cut.changes.keys.sorted() == [jan])
    }

    @Test("the layout names each pillar's trackable actions, so a cache can tell a changed catalog")
    func layout() {
        #expect(TrendTallies.layout(pillars) == "prevention:PV-1,PV-2;prosecution:PR-1;protection:PT-1;partnerships:PA-1")
    }

    @Test("tallies follow appended events that extend their action's head exactly as a whole fold counts them; anything else is refused (seeded property test)")
    func followEqualsTheWholeFold() {
        var random = SeededRandom(seed: 77)
        let actions = ["PV-1", "PV-2", "PR-1", "PR-X", "PT-1", "PA-1", "GONE-1"]
        let pillarOf = TrendTallies.pillarOf(pillars)
        var followed = 0, refused = 0
        for round in 0..<80 {
            // A messy history first (branches, clocks behind, undo events), then appends.
            var events = Self.randomEvents(&random, states: ["XA"], actions: actions, count: Int(random.next() % 40))
            var journal = Journal(state: "XA", events: events)
            var tallies = TrendTallies(journal: journal, pillars: pillars)
            var time = events.map(\.time).max() ?? Fixture.t("2026-01-01T00:00:00Z")
            for n in 0..<30 {
                let action = actions[Int(random.next() % UInt64(actions.count))]
                // Mostly later (sometimes months later, sometimes the same instant), now and then earlier.
                let steps: [Int64] = [0, 60_000, 86_400_000, 40 * 86_400_000, -3 * 86_400_000]
                let step = steps[Int(random.next() % 5)]
                time = Timestamp(milliseconds: time.milliseconds + step)
                let heads = journal.headIDs(of: action)
                let base: [String]? = random.next() % 8 == 0 ? [] : heads
                let undoes = random.next() % 5 == 0 ? heads.first : nil
                let event = ChangeEvent(id: "f\(round)-\(n)", time: time, author: "b", state: "XA", action: action, base: base,
                                        status: random.next() % 6 == 0 ? nil : Status.allCases[Int(random.next() % UInt64(Status.allCases.count))],
                                        undoes: undoes)
                let cheap = journal.extendsHead(event) && journal.knowsCompensation(of: event)
                let before = journal.assessment(of: action).status
                journal.append(event)
                events.append(event)
                let whole = TrendTallies(journal: Journal(state: "XA", events: events), pillars: pillars)
                if cheap {
                    let moved = tallies.follow(event, pillar: pillarOf[action], from: before, to: journal.assessment(of: action).status)
                    #expect(moved, "round \(round) event \(n)")
                    #expect(tallies == whole, "round \(round) event \(n)")
                    followed += 1
                } else {
                    refused += 1
                }
                tallies = whole
            }
        }
        // Both kinds are drawn, in numbers.
        #expect(followed > 600 && refused > 100, "followed \(followed), refused \(refused)")
    }

    @Test("tallies folded up to an end, or an event older than their newest, do not follow")
    func followRefuses() {
        let journal = Journal(state: "XA", events: [
            Fixture.event("a", "2026-01-10T09:00:00Z", action: "PV-1", status: .inProgress),
            Fixture.event("b", "2026-03-20T09:00:00Z", action: "PV-1", status: .implemented),
        ])
        let older = Fixture.event("c", "2026-02-01T09:00:00Z", action: "PV-2", status: .implemented)
        var open = TrendTallies(journal: journal, pillars: pillars)
        let kept = open
        let olderFollowed = open.follow(older, pillar: 0, from: .notAssessed, to: .implemented)
        #expect(!olderFollowed)
        #expect(open == kept)
        var cut = TrendTallies(journal: journal, pillars: pillars, through: Fixture.t("2026-04-01T00:00:00Z"))
        let later = Fixture.event("d", "2026-03-25T09:00:00Z", action: "PV-2", status: .implemented)
        let cutFollowed = cut.follow(later, pillar: 0, from: .notAssessed, to: .implemented)
        #expect(!cutFollowed)
        // Out of the layout: nothing to count, and nothing refused.
        let outside = open.follow(Fixture.event("e", "2026-04-01T09:00:00Z", action: "GONE-1", status: .implemented),
                                  pillar: nil, from: .notAssessed, to: .implemented)
        #expect(outside)
        #expect(open == kept)
    }
}
