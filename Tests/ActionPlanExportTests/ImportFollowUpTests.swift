import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The follow-up columns of a status CSV (`follow_up_date`, `follow_up_owner`, after `base`): exported,
/// and read back as follow-up edits.
@Suite struct ImportFollowUpTests {
    let planner = ImportPlannerTests()
    let today = ReviewDate(parsing: "2026-04-01")!

    func plan(_ bytes: [UInt8]) -> Result<ImportPlan, ImportProblems> {
        ImportPlanner.plan(csv: bytes, tracker: ExportFixture.tracker, today: today)
    }

    @Test func anUntouchedExportPlansNothingEvenWithAnOverdueFollowUp() throws {
        // XB PV-2's follow-up (2026-03-20) is before `today`: unchanged, it is not refused.
        let plan = try plan(Array(planner.exported.utf8)).get()
        #expect(plan.changes.isEmpty)
        #expect(plan.unchanged == 10)
    }

    @Test func editedFollowUpCellsBecomeFollowUpEdits() throws {
        let bytes = try planner.edited { rows in
            rows[1][13] = "2026-05-15"; rows[1][14] = " erin "    // XA PV-1: moved, new owner (trimmed)
            rows[7][13] = ""                                      // XB PV-2: cleared
            rows[3][13] = "2026-06-01"                            // XA PR-1: new, no owner
        }
        let plan = try plan(bytes).get()
        #expect(plan.changes.map(\.description) == [
            "row 2: XA PV-1: follow-up 2026-05-15 (erin)",
            "row 4: XA PR-1: follow-up 2026-06-01",
            "row 8: XB PV-2: follow-up cleared",
        ])
        var after = ExportFixture.tracker
        var n = 0
        for event in plan.events(author: "dana", time: ExportFixture.t("2026-04-01T00:00:00.000Z"), makeID: { n += 1; return "i\(n)" }) {
            after.record(event)
        }
        #expect(after.assessment(state: "XA", action: "PV-1").followUp == FollowUp(date: ReviewDate(parsing: "2026-05-15")!, owner: "erin"))
        #expect(after.assessment(state: "XB", action: "PV-2").followUp == nil)
        #expect(after.assessment(state: "XA", action: "PV-1").status == .implemented)
    }

    @Test func badFollowUpCellsAreLocated() throws {
        let bytes = try planner.edited { rows in
            rows[1][13] = "30/04/2026"                            // not a calendar day
            rows[2][14] = "erin"                                  // owner without a date
            rows[3][13] = "2026-03-31"                            // changed to a day before today
            rows[4][13] = "2026-05-01"; rows[4][14] = "a\tb"      // control character in the owner
        }
        guard case .failure(let problems) = plan(bytes) else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.description) == [
            "row 2, column N (follow_up_date): follow_up_date '30/04/2026' is not a calendar day like 2027-03-31",
            "row 3, column O (follow_up_owner): follow_up_owner 'erin' without a follow_up_date; give a date (YYYY-MM-DD) or empty both",
            "row 4, column N (follow_up_date): follow_up_date 2026-03-31 is in the past (today is 2026-04-01); give today or a later date",
            "row 5, column O (follow_up_owner): invalid name 'a b': a name cannot contain control characters",
        ])
    }

    @Test func aFileFromBeforeTheFollowUpColumnsLeavesFollowUpsAlone() throws {
        let bytes = try planner.edited { rows in
            for i in rows.indices { rows[i].removeLast(2) }     // the 13-column layout
            rows[2][6] = "implemented"                          // XA PV-2
        }
        let plan = try plan(bytes).get()
        #expect(plan.changes.map(\.description) == ["row 3: XA PV-2: not-assessed → implemented"])
        #expect(plan.unchanged == 9)
    }
}
