import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// Undo and redo in the change report (issue 9, item 5): labelled as what they are, and netted out.
///
/// ```
/// n1  PV-1 not-assessed → in-progress        (set)
/// n2  PV-1 in-progress  → not-assessed       (undo of n1)
/// n3  PV-1 not-assessed → in-progress        (redo: undoes n2)
/// n4  PR-1 not-started                       (set)
/// n5  PR-1 not-started  → implemented        (set)
/// n6  PR-1 implemented  → not-started        (undo of n5)
/// ```
@Suite struct UndoNettingTests {
    static func e(_ id: String, _ minute: Int, _ action: String, _ status: Status, undoes: String? = nil) -> ChangeEvent {
        ChangeEvent(id: id, time: Timestamp(parsing: "2026-02-01T10:\(String(format: "%02d", minute)):00Z")!, author: "alice",
                    state: "XA", action: action, status: status, undoes: undoes)
    }

    static let events = [
        e("n1", 1, "PV-1", .inProgress), e("n2", 2, "PV-1", .notAssessed, undoes: "n1"),
        e("n3", 3, "PV-1", .inProgress, undoes: "n2"),
        e("n4", 4, "PR-1", .notStarted), e("n5", 5, "PR-1", .implemented), e("n6", 6, "PR-1", .notStarted, undoes: "n5"),
    ]

    var report: ChangeReport {
        var tracker = Tracker(catalog: ExportFixture.catalog, directory: ExportFixture.directory)
        for event in Self.events { tracker.record(event) }
        return ChangeReport(tracker: tracker, states: [ExportFixture.directory.resolve("XA")!], from: nil, to: nil)
    }

    @Test func setUndoRedoCountsAsOneChange() {
        let r = report
        #expect(r.transitions.map(\.eventID) == ["n1", "n2", "n3", "n4", "n5", "n6"])
        #expect(r.transitions.map(\.compensation) == [nil, .undo, .redo, nil, nil, .undo])
        #expect(r.transitions.map(\.netted) == [true, true, false, false, true, true])
        // Counted: n3 (into in-progress: other) and n4 (first assessment: other).
        #expect(r.total.total == 2 && r.total.other == 2 && r.total.improvements == 0)
    }

    @Test func everyFormatSaysUndoAndRedo() {
        let r = report
        let table = String(decoding: ChangeReportText.write(r), as: UTF8.self)
        #expect(table.contains("(redo)") && table.contains("(undo, not counted)"), "\(table)")
        #expect(table.contains("2 status changes:"))
        let csv = String(decoding: ChangeReportFiles.csv(r), as: UTF8.self)
        #expect(csv.contains(",n3,redo,true") && csv.contains(",n2,undo,false"), "\(csv)")
        let json = String(decoding: ChangeReportFiles.json(r), as: UTF8.self)
        #expect(json.contains("\"compensation\": \"redo\"") || json.contains("\"compensation\":\"redo\""), "\(json)")
        let markdown = String(decoding: ChangeReportFiles.markdown(r), as: UTF8.self)
        #expect(markdown.contains("other (redo)"))
    }
}

@Suite struct CompensationTests {
    @Test func theKindIsTheParityOfTheChain() {
        let events = UndoNettingTests.events + [UndoNettingTests.e("n7", 7, "PV-1", .notAssessed, undoes: "n3")]
        let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
        let kinds = events.map { Compensation.of($0) { byID[$0] } }
        #expect(kinds == [nil, .undo, .redo, nil, nil, .undo, .undo])
    }
}

/// A split action (catalog installation `PR-1>PV-1`, `PR-1>PV-2`): each of its events shows under both
/// new ids with its one id; an undo nets out its own copy under each id, not the other id's.
@Suite struct UndoNettingAcrossSplitTests {
    @Test func eachCopyNetsItsOwnUndo() {
        let install = OfficeRecord(id: "i1", time: Timestamp(parsing: "2026-03-01T00:00:00.000Z")!, author: "carol",
                                   kind: RenameBook.installKind, fields: ["renames": .list(["PR-1>PV-1", "PR-1>PV-2"])])
        let recorded = UndoNettingTests.events.filter { $0.action == "PR-1" }    // n4, n5, n6 (undo of n5)
        var tracker = Tracker(catalog: ExportFixture.catalog, directory: ExportFixture.directory)
        tracker.journals["XA"] = Journal(state: "XA", events: RenameBook(records: [install]).apply(recorded))
        let r = ChangeReport(tracker: tracker, states: [ExportFixture.directory.resolve("XA")!], from: nil, to: nil)
        #expect(r.transitions.map { "\($0.actionID) \($0.eventID) \($0.netted)" } == [
            "PV-1 n4 false", "PV-1 n5 true", "PV-1 n6 true",
            "PV-2 n4 false", "PV-2 n5 true", "PV-2 n6 true",
        ])
        #expect(r.total.total == 2)
    }
}
