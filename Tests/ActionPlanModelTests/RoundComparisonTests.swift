import Testing
import ActionPlanModel

@Suite("RoundComparison: what improved, regressed and stayed between two rounds, and what round B did not review")
struct RoundComparisonTests {
    /// Round A "2026 review" runs 2026-01-01 … closed 2026-06-30 12:00; round B "2027 survey" opens
    /// 2027-01-10 and is open (compared as of now).
    ///
    /// ```
    ///        A's snapshot        B (now)            reviewed in B?
    /// XA PV-1  in progress     → implemented        yes (2027-02-01)
    /// XA PV-2  implemented     → in progress        yes (2027-02-02)
    /// XA PR-1  not started     → not started        yes (note only, 2027-02-03)
    /// XA PT-1  not assessed    → not started        no  (set 2026-09-01, between the rounds): other
    /// XA PA-1  not assessed    → not assessed       no
    /// XB *     not assessed    → not assessed       no
    /// ```
    static let a = Round(name: "2026 review", opens: "2026-01-01", due: "2026-06-30", openID: "ra",
                         openedAt: Fixture.t("2026-01-01T08:00:00Z"), openedBy: "alice",
                         closedAt: Fixture.t("2026-06-30T12:00:00Z"), closedBy: "alice")
    static let b = Round(name: "2027 survey", opens: "2027-01-10", due: "2027-06-30", openID: "rb",
                         openedAt: Fixture.t("2027-01-10T08:00:00Z"), openedBy: "alice")

    static let tracker: Tracker = {
        var tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        for e in [
            Fixture.event("1", "2026-03-01T10:00:00Z", action: "PV-1", status: .inProgress),
            Fixture.event("2", "2026-03-01T10:00:00Z", action: "PV-2", status: .implemented),
            Fixture.event("3", "2026-03-01T10:00:00Z", action: "PR-1", status: .notStarted),
            Fixture.event("4", "2026-09-01T10:00:00Z", action: "PT-1", status: .notStarted),
            Fixture.event("5", "2027-02-01T10:00:00Z", action: "PV-1", status: .implemented),
            Fixture.event("6", "2027-02-02T10:00:00Z", action: "PV-2", status: .inProgress),
            Fixture.event("7", "2027-02-03T10:00:00Z", action: "PR-1", note: "checked again"),
        ] { tracker.record(e) }
        return tracker
    }()

    let comparison = RoundComparison(tracker: tracker, a: a, b: b, states: Fixture.states.visible(includingPartners: false).filter { $0.code != "XT" })

    @Test("every trackable pair once, with its direction and whether B reviewed it")
    func rows() {
        let xa = comparison.rows.filter { $0.state == "XA" }
        #expect(xa.map(\.action) == ["PV-1", "PV-2", "PR-1", "PT-1", "PA-1"], "PR-X is for OSCE structures")
        #expect(xa.map(\.direction) == [.improved, .regressed, .stayed, .other, .stayed])
        #expect(xa.map(\.reviewed) == [true, true, true, false, false])
        #expect(xa[0].before == .inProgress && xa[0].after == .implemented)
        #expect(comparison.rows.filter { $0.state == "XB" }.allSatisfy { $0.direction == .stayed && !$0.reviewed })
    }

    @Test("counts per State and per pillar add up to the total")
    func tallies() {
        let xa = comparison.byState[0]
        #expect((xa.key, xa.improved, xa.regressed, xa.stayed, xa.other, xa.notReviewed) == ("XA", 1, 1, 2, 1, 2))
        #expect(comparison.byState[1].notReviewed == 5)
        let prevention = comparison.byPillar[0]
        #expect((prevention.key, prevention.improved, prevention.regressed, prevention.stayed) == ("prevention", 1, 1, 2))
        #expect(comparison.total.total == 10)
        #expect(comparison.byPillar.map(\.total).reduce(0, +) == comparison.total.total)
        #expect(comparison.moved.map(\.action) == ["PV-1", "PV-2", "PT-1"])
        #expect(comparison.notReviewed.count == 7)
    }

    @Test("a closed round B is compared as of its close: later events neither count nor review")
    func closedB() {
        var closedB = Self.b
        closedB.closedAt = Fixture.t("2027-02-01T23:59:59.999Z")
        let c = RoundComparison(tracker: Self.tracker, a: Self.a, b: closedB, states: [Fixture.states.resolve("XA")!], pillar: "prevention")
        #expect(c.rows.map(\.direction) == [.improved, .stayed])
        #expect(c.rows.map(\.reviewed) == [true, false])
        #expect(c.byPillar.map(\.key) == ["prevention"])
    }

    @Test("direction follows the progress scale; into or out of not assessed / not applicable is other", arguments: [
        (Status.notStarted, Status.inProgress, RoundComparison.Direction.improved),
        (.implemented, .partiallyImplemented, .regressed),
        (.notAssessed, .implemented, .other),
        (.implemented, .notApplicable, .other),
        (.notApplicable, .notApplicable, .stayed),
    ])
    func direction(from: Status, to: Status, expected: RoundComparison.Direction) {
        #expect(RoundComparison.direction(from, to) == expected)
    }
}
