import Testing
import TestSupport
@testable import ActionPlanModel

/// The monthly trend: figures per pillar at each month end, folded from the events alone.
@Suite("TrendSeries: implementation and coverage at each month end")
struct TrendTests {
    let pillars = Fixture.catalog.pillars

    func tracker(_ events: [ChangeEvent]) -> Tracker {
        Tracker(catalog: Fixture.catalog, directory: Fixture.states, journals: Dictionary(grouping: events, by: \.state)
            .mapValues { Journal(state: $0[0].state, events: $0) })
    }

    /// "impl/cov" of one pillar per month, e.g. "2026-01 67%/50%".
    func row(_ series: TrendSeries, _ pillar: String) -> [String] {
        series.points.map { "\($0.month) \(Progress.percent($0.pillars[pillar]?.implementation))/\(Progress.percent($0.pillars[pillar]?.coverage))" }
    }

    /// ```
    /// XA PV-1  Jan: in progress ─────────────── Apr: implemented
    /// XB PV-2                    Feb: implemented
    /// XT       (nothing: counts as not assessed in every month)
    /// ```
    @Test("months without events carry the state forward; a State without events counts as not assessed")
    func monthsWithoutEventsCarryForward() {
        let t = tracker([
            Fixture.event("a", "2026-01-10T09:00:00Z", action: "PV-1", status: .inProgress),
            Fixture.event("b", "2026-02-03T09:00:00Z", "XB", action: "PV-2", status: .implemented),
            Fixture.event("c", "2026-04-30T23:59:59.999Z", action: "PV-1", status: .implemented),
        ])
        let series = TrendSeries(tracker: t, states: ["XA", "XB", "XT"], pillars: pillars, through: Fixture.t("2026-05-15T00:00:00Z"))
        // 3 States × 2 prevention actions = 6 pairs.
        #expect(row(series, "prevention") == ["2026-01 33%/17%", "2026-02 67%/33%", "2026-03 67%/33%", "2026-04 100%/33%", "2026-05 100%/33%"])
        #expect(row(series, "protection") == ["2026-01 –/0%", "2026-02 –/0%", "2026-03 –/0%", "2026-04 –/0%", "2026-05 –/0%"])
        #expect(series.points.map(\.instant) == [Timestamp.endOfDay("2026-01-31"), Timestamp.endOfDay("2026-02-28"),
                                                 Timestamp.endOfDay("2026-03-31"), Timestamp.endOfDay("2026-04-30"),
                                                 Fixture.t("2026-05-15T00:00:00Z")])
        #expect(series.points.allSatisfy { $0.overall.trackable == 3 * 5 })
        #expect(series.points[3].overall.count(.implemented) == 2)
        // The newest months only; the figures are the same.
        let recent = TrendSeries(tracker: t, states: ["XA", "XB", "XT"], pillars: pillars, through: Fixture.t("2026-05-15T00:00:00Z"), months: 2)
        #expect(recent.points == Array(series.points.suffix(2)))
    }

    @Test("events after the end are left out; no event in scope gives no point")
    func endAndEmpty() {
        let t = tracker([Fixture.event("a", "2026-03-10T00:00:00Z", action: "PV-1", status: .implemented)])
        #expect(TrendSeries(tracker: t, states: ["XA"], pillars: pillars, through: Fixture.t("2026-03-09T00:00:00Z")).points.isEmpty)
        #expect(TrendSeries(tracker: t, states: ["XB"], pillars: pillars, through: Fixture.t("2026-12-31T00:00:00Z")).points.isEmpty)
        let one = TrendSeries(tracker: t, states: ["XA"], pillars: pillars, through: Fixture.t("2026-03-10T00:00:00Z"))
        #expect(row(one, "prevention") == ["2026-03 100%/50%"])
    }

    @Test("an undo is an event like any other: the month of the undo shows the value restored")
    func undo() {
        let set = Fixture.event("s", "2026-01-05T00:00:00Z", action: "PV-1", status: .notStarted)
        let up = Fixture.event("u", "2026-02-05T00:00:00Z", action: "PV-1", status: .implemented)
        let undo = ChangeEvent(id: "x", time: Fixture.t("2026-03-05T00:00:00Z"), author: "alice", state: "XA", action: "PV-1",
                               status: .notStarted, undoes: "u")
        let series = TrendSeries(tracker: tracker([set, up, undo]), states: ["XA"], pillars: pillars, through: Fixture.t("2026-03-31T00:00:00Z"))
        #expect(row(series, "prevention") == ["2026-01 0%/50%", "2026-02 100%/50%", "2026-03 0%/50%"])
        // Set and undone within one month: that month end never saw it.
        let quick = ChangeEvent(id: "y", time: Fixture.t("2026-01-06T00:00:00Z"), author: "alice", state: "XA", action: "PV-2",
                                status: .notAssessed, undoes: "z")
        let z = Fixture.event("z", "2026-01-05T12:00:00Z", action: "PV-2", status: .implemented)
        let netted = TrendSeries(tracker: tracker([set, z, quick]), states: ["XA"], pillars: pillars, through: Fixture.t("2026-01-31T00:00:00Z"))
        #expect(row(netted, "prevention") == ["2026-01 0%/50%"])
    }

    /// ```
    ///        r (Jan, not started)
    ///       /  \
    ///  a1 (Feb, in progress)   b1 (Mar, implemented; larger id wins the conflict)
    ///  f  (clock behind: dated Dec, based on r: counts from Dec, folded after r)
    /// ```
    @Test("conflicts and clocks behind count as the as-of fold counts them")
    func conflictsAsTheFoldDoesThem() {
        func e(_ id: String, _ time: String, _ base: [String], _ status: Status, action: String = "PV-1") -> ChangeEvent {
            ChangeEvent(id: id, time: Fixture.t(time), author: "alice", state: "XA", action: action, base: base, status: status)
        }
        let events = [e("r", "2026-01-10T00:00:00Z", [], .notStarted), e("a1", "2026-02-10T00:00:00Z", ["r"], .inProgress),
                      e("b1", "2026-03-10T00:00:00Z", ["r"], .implemented),
                      e("r2", "2026-01-10T00:00:00Z", [], .notStarted, action: "PV-2"),
                      e("f", "2025-12-20T00:00:00Z", ["r2"], .implemented, action: "PV-2")]
        let t = tracker(events)
        #expect(t.journal("XA").isConflicted("PV-1"))
        let series = TrendSeries(tracker: t, states: ["XA"], pillars: pillars, through: Fixture.t("2026-03-31T00:00:00Z"))
        let statuses = series.points.map { point in
            Status.allCases.filter { point.pillars["prevention"]!.count($0) > 0 }.map { "\($0.rawValue)×\(point.pillars["prevention"]!.count($0))" }
        }
        #expect(series.points.map(\.month) == ["2025-12", "2026-01", "2026-02", "2026-03"])
        #expect(statuses == [["not-assessed×1", "implemented×1"], ["not-started×1", "implemented×1"],
                             ["in-progress×1", "implemented×1"], ["implemented×2"]])
        expectSameAsAsOfFold(series, t, states: ["XA"])
    }

    /// Random histories (chains, concurrent branches, clocks behind, undo events, events out of scope):
    /// every point equals the as-of fold of that instant.
    @Test("every month end equals the as-of fold at that instant (seeded property test)")
    func matchesTheAsOfFold() {
        var random = SeededRandom(seed: 12)
        let actions = ["PV-1", "PV-2", "PR-1", "PR-X", "PT-1", "PA-1", "GONE-1"]
        for _ in 0..<60 {
            var events: [ChangeEvent] = []
            var heads: [String: [String]] = [:]
            for n in 0..<Int(random.next() % 40) {
                let state = ["XA", "XB"][Int(random.next() % 2)]
                let action = actions[Int(random.next() % UInt64(actions.count))]
                let key = state + action
                let day = Int(random.next() % 300)
                let time = Timestamp(milliseconds: Fixture.t("2026-01-01T00:00:00Z").milliseconds + Int64(day) * 86_400_000
                                     + Int64(random.next() % 86_400_000))
                let status = Status.allCases[Int(random.next() % UInt64(Status.allCases.count))]
                let id = "e\(1000 + n)"
                // Mostly on the head; sometimes concurrent (on an older base) or with no base (format 1).
                let choice = random.next() % 10
                let base: [String]? = choice < 7 ? (heads[key] ?? []) : choice < 9 ? [] : nil
                events.append(ChangeEvent(id: id, time: time, author: "a", state: state, action: action, base: base,
                                          status: random.next() % 5 == 0 ? nil : status, note: "n\(n)",
                                          undoes: random.next() % 6 == 0 ? heads[key]?.first : nil))
                heads[key] = [id]
            }
            let t = tracker(events)
            let end = Fixture.t("2026-10-15T00:00:00Z")
            let series = TrendSeries(tracker: t, states: ["XA", "XB", "XT"], pillars: pillars, through: end)
            expectSameAsAsOfFold(series, t, states: ["XA", "XB", "XT"])
            if let last = series.points.last { #expect(last.instant == end) }
        }
    }

    func expectSameAsAsOfFold(_ series: TrendSeries, _ tracker: Tracker, states: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let participants = states.compactMap { tracker.directory.resolve($0) }
        for point in series.points {
            for pillar in pillars {
                let expected = tracker.progress(states: participants, actions: pillar.actions, asOf: point.instant)
                let got = point.pillars[pillar.id]!
                #expect(got.counts.filter { $0.value > 0 } == expected.counts.filter { $0.value > 0 }, "\(point.month) \(pillar.id)",
                        sourceLocation: sourceLocation)
                #expect(got.trackable == expected.trackable, sourceLocation: sourceLocation)
                #expect(Progress.percent(got.implementation) == Progress.percent(expected.implementation), sourceLocation: sourceLocation)
            }
        }
    }
}

/// The most and least implemented actions across States.
@Suite("ActionRanking")
struct ActionRankingTests {
    func progress(_ statuses: [Status]) -> Progress {
        var p = Progress()
        for status in statuses { p.add(status) }
        return p
    }

    @Test("ranked by the share of States where the action applies; ties by implementation, then catalog order")
    func ranking() {
        let actions = Fixture.catalog.allActions
        let figures: [String: Progress] = [
            "PV-1": progress([.implemented, .implemented, .notStarted]),       // 2 of 3
            "PV-2": progress([.implemented, .notApplicable, .notAssessed]),    // 1 of 2
            "PR-1": progress([.inProgress, .notStarted, .notAssessed]),        // 0 of 3, impl. 1/6
            "PR-X": progress([.implemented, .implemented, .implemented]),      // for OSCE structures: never ranked
            "PT-1": progress([.notApplicable, .notApplicable, .notApplicable]), // applies nowhere: left out
            "PA-1": progress([.partiallyImplemented, .notAssessed, .notAssessed]),  // 0 of 3, impl. 2/3
        ]
        let ranking = ActionRanking(actions: actions, progress: figures, limit: 10)
        #expect(ranking.most.map(\.action.id) == ["PV-1", "PV-2"])
        #expect(ranking.least.map(\.action.id) == ["PR-1", "PA-1"])
        #expect(ranking.most.map { "\($0.implemented)/\($0.applicable)" } == ["2/3", "1/2"])
        let short = ActionRanking(actions: actions, progress: figures, limit: 1)
        #expect(short.most.map(\.action.id) == ["PV-1"])
        #expect(short.least.map(\.action.id) == ["PR-1"])
    }
}
