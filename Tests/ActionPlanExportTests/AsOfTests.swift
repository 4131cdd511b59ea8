import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// `--as-of DATE` reconstructs every status as it was at the end of that day.
@Suite struct AsOfTests {
    func status(_ snapshot: StatusSnapshot, _ state: String, _ action: String) -> Status? {
        snapshot.rows.first { $0.stateCode == state && $0.actionID == action }?.assessment.status
    }

    @Test(arguments: [
        ("2026-01-09", Status.notAssessed, Status.implemented),
        ("2026-01-10", .inProgress, .implemented),      // the end of the day includes the 09:00 event
        ("2026-02-14", .inProgress, .implemented),
        ("2026-02-15", .implemented, .implemented),
        ("2026-02-25", .implemented, .inProgress),
    ])
    func earlierStatusAfterALaterChange(day: String, xaPV1: Status, xbPV2: Status) {
        let snapshot = ExportFixture.snapshot(asOf: Timestamp.endOfDay(day))
        #expect(status(snapshot, "XA", "PV-1") == xaPV1)
        #expect(status(snapshot, "XB", "PV-2") == xbPV2)
    }

    @Test func latestIsTheDefault() {
        let snapshot = ExportFixture.snapshot()
        #expect(status(snapshot, "XA", "PV-1") == .implemented)
        #expect(status(snapshot, "XB", "PV-2") == .inProgress)
        #expect(snapshot.metadata.asOfText == "latest recorded status")
        #expect(ExportFixture.snapshot(asOf: Timestamp.endOfDay("2026-02-01")).metadata.asOfText == "end of 2026-02-01 (UTC)")
    }

    @Test func asOfBoundsTheChangesToo() {
        let snapshot = ExportFixture.snapshot(asOf: Timestamp.endOfDay("2026-02-20"))
        #expect(snapshot.changes.transitions.map(\.eventID) == ["e2", "e4"])
    }

    @Test func scopeSelectsStatesPillarAndPartners() {
        #expect(ExportFixture.snapshot().states.map(\.participant.code) == ["XA", "XB"])
        #expect(ExportFixture.snapshot(scope: ExportScope(includePartners: true)).states.map(\.participant.code) == ["XA", "XB", "XP"])
        #expect(ExportFixture.snapshot(scope: ExportScope(states: ["XB", "XA"])).states.map(\.participant.code) == ["XB", "XA"])
        let prosecution = ExportFixture.snapshot(scope: ExportScope(pillar: "prosecution"))
        #expect(prosecution.rows.map(\.actionID) == ["PR-1", "PR-1"])  // PR-X is not trackable
    }
}
