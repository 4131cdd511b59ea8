import Testing
import ActionPlanModel
import TerminalKit
@testable import ActionPlanExport

/// Which transitions a period holds and how they are counted.
@Suite struct ChangeReportTests {
    let tracker = ExportFixture.tracker

    func report(_ from: String?, _ to: String?, states: [String] = ["XA", "XB", "XP"]) -> ChangeReport {
        ChangeReport(tracker: tracker, states: states.compactMap { tracker.directory.resolve($0) },
                     from: from.flatMap { Timestamp.day($0) }, to: to.flatMap { Timestamp.endOfDay($0) })
    }

    @Test func wholeHistoryCountsEveryStatusChange() {
        let r = report(nil, nil)
        #expect(r.transitions.map(\.eventID) == ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"])
        // e1 not-assessed → in-progress and e3/e5/e6/e8 from not-assessed are neither; e2, e4 up; e7 down.
        #expect(r.total.improvements == 2)
        #expect(r.total.regressions == 1)
        #expect(r.total.other == 5)
        #expect(r.byState.map(\.key) == ["XA", "XB", "XP"])
        #expect(r.byState.map(\.total) == [5, 3, 0])
    }

    @Test func periodBoundsAreInclusiveDays() {
        // Feb 15 (e2) to Feb 25 (e7): the last day counts up to 23:59:59.999.
        #expect(report("2026-02-15", "2026-02-25").transitions.map(\.eventID) == ["e2", "e4", "e7"])
        #expect(report("2026-02-16", "2026-02-24").transitions.map(\.eventID) == ["e4"])
    }

    @Test func transitionsAreGroupedByStateThenCatalogOrder() {
        var t = tracker
        t.record(ExportFixture.event("e9", "2026-01-01T00:00:00.000Z", "XA", "PT-1", .notStarted, by: "dave"))
        let r = ChangeReport(tracker: t, states: [t.directory.resolve("XA")!], from: nil, to: nil)
        #expect(r.transitions.map(\.actionID) == ["PV-1", "PV-1", "PR-1", "PR-1", "PT-1", "PT-1"])
        #expect(r.transitions.map(\.eventID) == ["e1", "e2", "e3", "e4", "e9", "e5"])
    }

    @Test func authorsAreRankedByTheirChanges() {
        let r = report(nil, nil)
        #expect(r.byAuthor.map(\.key) == ["alice", "carol", "bob"])
        #expect(r.byAuthor.first { $0.key == "bob" }?.improvements == 2)
        #expect(r.byAuthor.first { $0.key == "carol" }?.regressions == 1)
    }

    @Test func noteOnlyEventsAreNotTransitions() {
        var t = tracker
        t.record(ChangeEvent(id: "n1", time: ExportFixture.t("2026-03-05T00:00:00.000Z"), author: "x", state: "XA",
                             action: "PV-1", note: "only a note"))
        let r = ChangeReport(tracker: t, states: [t.directory.resolve("XA")!], from: Timestamp.day("2026-03-05"), to: nil)
        #expect(r.transitions.isEmpty)
    }

    /// Structure 5: the table was sized by `Character` count, so a CJK author pushed later columns left.
    @Test func aCJKAuthorKeepsTheColumnsAligned() {
        var tracker = Tracker(catalog: ExportFixture.catalog, directory: ExportFixture.directory)
        tracker.record(ExportFixture.event("c1", "2026-02-01T10:00:00.000Z", "XA", "PV-1", .inProgress, by: "山田"))
        tracker.record(ExportFixture.event("c2", "2026-02-01T11:00:00.000Z", "XA", "PV-2", .inProgress, by: "alice"))
        let r = ChangeReport(tracker: tracker, states: [ExportFixture.directory.resolve("XA")!], from: nil, to: nil)
        let text = String(decoding: ChangeReportText.write(r), as: UTF8.self)
        let authors = text.split(separator: "\n").filter { $0.hasPrefix("山田") || $0.hasPrefix("alice") }
        let starts = authors.map { line in TextWidth.columns(of: String(line.prefix { !$0.isNumber })) }
        #expect(starts.count == 2 && starts[0] == starts[1], "\(authors)")
    }
}
