import Testing
import ActionPlanModel

@Suite("Progress: coverage and implementation")
struct ProgressTests {
    @Test("a State with no events is 0% covered and has no implementation figure")
    func emptyState() {
        let tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        let p = tracker.progress(state: "XA")
        #expect(p.trackable == 5)          // PR-X is addressed to OSCE structures
        #expect(p.assessed == 0)
        #expect(p.coverage == 0)
        #expect(p.implementation == nil)
        #expect(Progress.percent(p.implementation) == "–")
    }

    @Test("implementation is the mean weight over the assessed, not-applicable excluded")
    func weightedMean() {
        var tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        tracker.record(Fixture.event("1", "2026-01-01T00:00:00Z", action: "PV-1", status: .implemented))
        tracker.record(Fixture.event("2", "2026-01-02T00:00:00Z", action: "PV-2", status: .inProgress))
        tracker.record(Fixture.event("3", "2026-01-03T00:00:00Z", action: "PR-1", status: .notApplicable))
        tracker.record(Fixture.event("4", "2026-01-04T00:00:00Z", action: "PT-1", status: .notStarted))
        let p = tracker.progress(state: "XA")
        #expect(p.assessed == 4)
        #expect(p.coverage == 4.0 / 5.0)
        // (1 + 1/3 + 0) / 3 weighed actions
        #expect(abs(p.implementation! - (4.0 / 3.0) / 3.0) < 1e-9)
        #expect(p.count(.notApplicable) == 1)
        #expect(Progress.percent(p.coverage) == "80%")
    }

    @Test("figures per pillar only count that pillar's trackable actions")
    func perPillar() {
        var tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        tracker.record(Fixture.event("1", "2026-01-01T00:00:00Z", action: "PR-1", status: .partiallyImplemented))
        let prosecution = tracker.catalog.pillar(id: "prosecution")!
        let p = tracker.progress(state: "XA", actions: prosecution.actions)
        #expect(p.trackable == 1)
        #expect(p.coverage == 1)
        #expect(abs(p.implementation! - 2.0 / 3.0) < 1e-9)
    }

    @Test("figures over several States add up their pairs")
    func acrossStates() {
        var tracker = Tracker(catalog: Fixture.catalog, directory: Fixture.states)
        tracker.record(Fixture.event("1", "2026-01-01T00:00:00Z", "XA", action: "PV-1", status: .implemented))
        tracker.record(Fixture.event("2", "2026-01-01T00:00:00Z", "XB", action: "PV-1", status: .notStarted))
        let p = tracker.progress(states: tracker.states())
        #expect(p.trackable == 15)         // 3 participating States × 5 (the partner is hidden)
        #expect(p.assessed == 2)
        #expect(p.implementation == 0.5)
    }
}
