import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// Reading an edited CSV export back: every row checked, all problems at once, only real changes planned.
@Suite struct ImportPlannerTests {
    let tracker = ExportFixture.tracker
    var exported: String { String(decoding: StatusCSV.write(ExportFixture.snapshot()), as: UTF8.self) }

    /// The export as cells, edited by `edit`, written back as CSV the way a spreadsheet saves what it
    /// read: quoted where needed, apostrophes kept as they were.
    func edited(_ edit: (inout [[String]]) -> Void) throws -> [UInt8] {
        var rows = try CSVReader.parse(Array(exported.utf8)).get().map(\.cells)
        edit(&rows)
        func quote(_ cell: String) -> String {
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        return Array(rows.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined().utf8)
    }

    func plan(_ bytes: [UInt8]) -> Result<ImportPlan, ImportProblems> { ImportPlanner.plan(csv: bytes, tracker: tracker) }

    @Test func unchangedExportPlansNothing() throws {
        let plan = try plan(Array(exported.utf8)).get()
        #expect(plan.changes.isEmpty)
        #expect(plan.unchanged == 10)
        #expect(plan.summary == "0 row(s) changed, 10 unchanged, 0 skipped (blank)")
    }

    @Test func roundTripAppliesOnlyTheEditedCells() throws {
        let bytes = try edited { rows in
            rows[2][6] = "Implemented"                    // XA PV-2: status by its label
            rows[2][8] = "Law passed, \"finally\"\nsee below"
            rows[2][10] = ""                               // never updated: no stale check needed
            rows[1][9] = "https://example.org/xa/plan.pdf" // XA PV-1: one evidence removed
            rows.append(Array(repeating: "", count: 15))   // a blank row, as spreadsheets leave
        }
        let plan = try plan(bytes).get()
        #expect(plan.changes.map(\.description) == [
            "row 2: XA PV-1: −1 evidence",
            "row 3: XA PV-2: not-assessed → implemented, note edited",
        ])
        #expect(plan.unchanged == 8)
        #expect(plan.skipped == 1)
        var ids = ["i1", "i2"].makeIterator()
        var after = tracker
        for event in plan.events(author: "dana", time: ExportFixture.t("2026-03-11T00:00:00.000Z"), makeID: { ids.next()! }) {
            after.record(event)
        }
        #expect(after.assessment(state: "XA", action: "PV-2").note == "Law passed, \"finally\"\nsee below")
        #expect(after.assessment(state: "XA", action: "PV-1").evidence == ["https://example.org/xa/plan.pdf"])
        // The hostile note went out with an apostrophe and comes back without it, unchanged.
        #expect(after.assessment(state: "XA", action: "PR-1").note == ExportFixture.hyperlinkNote)
    }

    @Test func everyBadRowIsReportedWithRowColumnAndSuggestion() throws {
        let bytes = try edited { rows in
            rows[1][0] = "XC"            // unknown State
            rows[2][4] = "PV-3"          // unknown action
            rows[3][6] = "implemnted"    // misspelt status
            rows[4][4] = "PR-X"          // not tracked per State
            rows.append(rows[5])         // duplicate of row 6
            rows[7].removeLast()         // short row
        }
        guard case .failure(let problems) = plan(bytes) else { Issue.record("bad rows accepted"); return }
        #expect(problems.all.map(\.description) == [
            "row 2, column A (state_code): unknown State 'XC'; did you mean 'XA', 'XB', 'XP'? (run `actionplan states --partners` for the list)",
            "row 3, column E (action_id): unknown action 'PV-3'; did you mean 'PV-1', 'PV-2', 'PA-1'? (run `actionplan catalog` for the list)",
            "row 4, column G (status_id): unknown status 'implemnted'; did you mean 'implemented'? (valid: not-assessed, not-started, in-progress, partially-implemented, implemented, not-applicable)",
            "row 5, column E (action_id): action PR-X is addressed to OSCE structures and is not tracked per State",
            "row 8: expected 15 cells, found 14",
            "row 12: duplicate of row 6 (XA PA-1 appears twice)",
        ])
    }

    @Test func aWrongHeaderStopsAtTheFirstWrongColumn() throws {
        let bytes = try edited { rows in rows[0][6] = "status" }
        guard case .failure(let problems) = plan(bytes) else { Issue.record("accepted"); return }
        #expect(problems.all.count == 1)
        #expect(problems.all[0].description.hasPrefix("row 1, column G (status_id): wrong header: expected 'status_id', found 'status'"))
    }

    @Test func aRowChangedInTheStoreSinceTheExportIsRefusedByItsBase() throws {
        let bytes = try edited { rows in rows[1][6] = "not-started" }
        var moved = tracker
        let head = tracker.headIDs(state: "XA", action: "PV-1")
        moved.record(ChangeEvent(id: "late", time: ExportFixture.t("2026-03-09T00:00:00.000Z"), author: "erin",
                                 state: "XA", action: "PV-1", base: head, status: .inProgress))
        guard case .failure(let problems) = ImportPlanner.plan(csv: bytes, tracker: moved) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.description) == [
            "row 2, column M (base): XA PV-1 was changed in the store after this file was exported "
                + "(by erin at 2026-03-09T00:00:00.000Z; now in-progress); export again and redo the change",
        ])
    }

    @Test func aRowThatAlreadyEqualsTheStoreIsUnchangedWhateverItsBase() throws {
        // Re-importing an applied file: its base is old, but the store already holds what it says.
        let bytes = try edited { rows in rows[1][6] = "in-progress" }
        var moved = tracker
        moved.record(ChangeEvent(id: "same", time: ExportFixture.t("2026-03-09T00:00:00.000Z"), author: "erin",
                                 state: "XA", action: "PV-1", base: tracker.headIDs(state: "XA", action: "PV-1"), status: .inProgress))
        let plan = try ImportPlanner.plan(csv: bytes, tracker: moved).get()
        #expect(plan.changes.isEmpty)
        #expect(plan.unchanged == 10)
    }

    @Test func aNeverAssessedRowIsRefusedOnceTheActionWasAssessed() throws {
        let bytes = try edited { rows in
            #expect(rows[2][12] == "none", "XA PV-2 was never assessed when exported")
            rows[2][6] = "implemented"
        }
        var moved = tracker
        moved.record(ChangeEvent(id: "first", time: ExportFixture.t("2026-03-09T00:00:00.000Z"), author: "erin",
                                 state: "XA", action: "PV-2", base: [], status: .notStarted))
        guard case .failure(let problems) = ImportPlanner.plan(csv: bytes, tracker: moved) else { Issue.record("accepted"); return }
        #expect(problems.all.first?.description.hasPrefix("row 3, column M (base): XA PV-2 was changed in the store after this file was exported (by erin") == true)
        // The same row against the store it was exported from is planned, based on "never assessed".
        let plan = try ImportPlanner.plan(csv: bytes, tracker: tracker).get()
        #expect(plan.changes.map(\.base) == [[]])
    }

    @Test func aFileFromBeforeTheBaseColumnIsCheckedByUpdatedAt() throws {
        let bytes = try edited { rows in
            for i in rows.indices { rows[i].removeLast(3) }     // the 12-column layout of format 1
            rows[1][6] = "not-started"                          // XA PV-1, assessed when exported
            rows[2][6] = "implemented"                          // XA PV-2, never assessed: updated_at empty
        }
        var moved = tracker
        moved.record(ExportFixture.event("late", "2026-03-09T00:00:00.000Z", "XA", "PV-1", .inProgress, by: "erin"))
        moved.record(ExportFixture.event("late2", "2026-03-09T00:00:00.000Z", "XA", "PV-2", .notStarted, by: "erin"))
        guard case .failure(let problems) = ImportPlanner.plan(csv: bytes, tracker: moved) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.description) == [
            "row 2, column K (updated_at): XA PV-1 was changed in the store after this file was exported "
                + "(by erin at 2026-03-09T00:00:00.000Z; now in-progress); export again and redo the change",
            "row 3, column K (updated_at): XA PV-2 was changed in the store after this file was exported "
                + "(by erin at 2026-03-09T00:00:00.000Z; now not-started); export again and redo the change (the file says it was never assessed)",
        ])
        // Against the unchanged store the same file plans both rows.
        #expect(try ImportPlanner.plan(csv: bytes, tracker: tracker).get().changes.count == 2)
    }

    @Test func bomCRLFAndEmptyFile() throws {
        let withBOM = StatusCSV.write(ExportFixture.snapshot(), excel: true)
        #expect(try plan(withBOM).get().unchanged == 10)
        guard case .failure(let problems) = plan([]) else { Issue.record("empty file accepted"); return }
        #expect(problems.all[0].description.hasPrefix("row 1: the file is empty"))
    }

    @Test func evidenceCellSplitsOnLineBreaks() {
        #expect(ImportPlanner.evidence("a\r\nb\n\n  c  \na") == ["a", "b", "c"])
        #expect(ImportPlanner.evidence("") == [])
    }

    @Test func problemsQuoteCellsWithoutTerminalControls() throws {
        let bytes = try edited { rows in rows[1][6] = "\u{1B}[2Jimplemented" }
        guard case .failure(let problems) = plan(bytes) else { Issue.record("accepted"); return }
        #expect(problems.all[0].description.hasPrefix("row 2, column G (status_id): unknown status '␛[2Jimplemented'"))
    }

    /// Spreadsheets may save the time with less precision; the stale check compares at what is left.
    @Test(arguments: [
        ("2026-02-15T10:00:00.000Z", true), ("2026-02-15 10:00:00", true), ("2026-02-15 10:00", true),
        ("2026-02-15T10:00:00Z", true), ("2026-02-15 10:01", false), ("2026-02-15T10:00:00.001Z", false),
    ])
    func updatedAtIsComparedAtTheCellsPrecision(cell: String, same: Bool) {
        #expect(SpreadsheetTime.matches(cell, ExportFixture.t("2026-02-15T10:00:00.000Z")) == same)
    }

    @Test func unreadableUpdatedAtIsAProblem() throws {
        let bytes = try edited { rows in
            for i in rows.indices { rows[i].removeLast(3) }     // a file from before the base column
            rows[1][10] = "15/02/2026"
            rows[1][6] = "not-started"
        }
        guard case .failure(let problems) = plan(bytes) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.description) == [
            "row 2, column K (updated_at): '15/02/2026' is not a time like 2026-11-29T04:40:06.123Z; export again",
        ])
    }

    /// Excel in locales with a decimal comma saves CSV with semicolons; such a file imports the same.
    @Test func semicolonSeparatedFileFromPython() throws {
        let script = """
            import csv, io, sys
            rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))
            rows[3][6] = "implemented"
            out = open(sys.stdout.fileno(), "w", encoding="utf-8-sig", newline="")
            csv.writer(out, delimiter=";").writerows(rows)
            out.flush()
            """
        let out = try Python.run(script, input: StatusCSV.write(ExportFixture.snapshot()))
        #expect(out.status == 0, "\(out.stderr)")
        let bytes = Array(out.stdout.utf8)
        #expect(CSVReader.separator(of: bytes) == UInt8(ascii: ";"))
        let plan = try plan(bytes).get()
        #expect(plan.changes.map(\.description) == ["row 4: XA PR-1: partially-implemented → implemented"])
        #expect(plan.unchanged == 9)
    }
}
