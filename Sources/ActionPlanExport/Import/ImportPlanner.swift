import Foundation
import ActionPlanModel

/// Checks an edited status CSV against the store and works out the events it implies.
///
/// Every row is checked before anything is planned, and all problems are returned together, so a desk
/// officer fixes the spreadsheet in one pass and an import is all or nothing. Only `status_id`, `note`,
/// `evidence` and the follow-up columns (`follow_up_date`, `follow_up_owner`, when the file has them)
/// are read as edits; names and titles are there for people and are ignored.
/// The `base` cell (the head event ids at export, or `none`) must still name the store's heads:
/// otherwise someone changed the action after the export, and the row is refused unless the store
/// already holds what the row says (then it is unchanged, so re-importing an applied file is harmless).
/// Files exported before the `base` column are checked by `updated_at`, an empty one meaning "never
/// assessed". Each planned change carries the heads it was checked against, and the store checks them
/// again under its lock when the batch is appended.
public enum ImportPlanner {
    /// The plan for `bytes` (a CSV file, comma- or semicolon-separated) against the current assessments
    /// in `tracker`, or every problem.
    ///
    /// With `today`, a follow-up date that the file changes to a day before it is refused (an unchanged
    /// overdue date is kept, so an untouched export imports as nothing to do).
    public static func plan(csv bytes: [UInt8], tracker: Tracker, today: ReviewDate? = nil) -> Result<ImportPlan, ImportProblems> {
        // Two streaming passes (see CSVReader): the file's syntax first, then the rows, one at a time.
        let separator = CSVReader.separator(of: bytes)
        let syntax = CSVReader.problems(in: bytes, separator: separator)
        guard syntax.isEmpty else {
            return .failure(ImportProblems(all: syntax.all.map { ImportProblem(row: $0.row, column: $0.column, message: $0.message) },
                                           omitted: syntax.omitted))
        }
        return plan(records: CSVReader.records(bytes, separator: separator), tracker: tracker, today: today)
    }

    /// The plan for parsed records (the first is the header).
    public static func plan<Records: Sequence<CSVReader.Record>>(records: Records, tracker: Tracker,
                                                                today: ReviewDate? = nil) -> Result<ImportPlan, ImportProblems> {
        guard let header = records.first(where: { _ in true }) else {
            return .failure(ImportProblems(all: [ImportProblem(row: 1, message: "the file is empty; expected the header "
                + StatusCSV.columns.joined(separator: ","))]))
        }
        if let problem = checkHeader(header) { return .failure(ImportProblems(all: [problem])) }
        let width = layout(ofWidth: header.cells.count).count
        var problems: [ImportProblem] = []
        var plan = ImportPlan()
        var seen: [String: Int] = [:]
        var omitted = 0
        for record in records.dropFirst() {
            ImportProblems.cap(&problems, omitted: &omitted)
            let cells = record.cells.map(CSVCell.restore)
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { plan.skipped += 1; continue }
            guard cells.count == width else {
                problems.append(ImportProblem(row: record.row, message:
                    "expected \(width) cells, found \(cells.count)"))
                continue
            }
            let row = RowCheck(row: record.row, cells: cells)
            guard let (participant, action, status) = row.identify(in: tracker, problems: &problems) else { continue }
            let key = participant.code + "\u{0}" + action.id
            if let first = seen[key] {
                problems.append(ImportProblem(row: record.row, message:
                    "duplicate of row \(first) (\(participant.code) \(action.id) appears twice)"))
                continue
            }
            seen[key] = record.row
            let current = tracker.assessment(state: participant.code, action: action.id)
            let heads = tracker.headIDs(state: participant.code, action: action.id)
            var target = current
            target.status = status
            target.note = cells[RowCheck.Column.note]
            target.evidence = evidence(cells[RowCheck.Column.evidence])
            if let bad = EvidenceRule.firstProblem(in: target.evidence) {
                problems.append(ImportProblem(row: record.row, column: RowCheck.Column.evidence, message: bad.description))
                continue
            }
            if cells.count > RowCheck.Column.followUpOwner {
                switch row.followUp(current: current.followUp, today: today) {
                case .success(let followUp): target.followUp = followUp
                case .failure(let problem): problems.append(problem); continue
                }
            }
            var change = current.change(to: target)
            let conflicted = tracker.journal(participant.code).isConflicted(action.id)
            if change.isEmpty, !conflicted {
                plan.unchanged += 1
                continue
            }
            let journal = tracker.journal(participant.code)
            if let stale = row.staleness(against: current, heads: journal.heads(of: action.id),
                                         state: participant.code, action: action.id) {
                problems.append(stale)
                continue
            }
            // A row for an action in conflict states its status: the event resolves the conflict.
            if conflicted { change.status = status }
            plan.changes.append(PlannedChange(row: record.row, state: participant.code, action: action.id,
                before: current.status, change: change, base: heads))
        }
        return problems.isEmpty ? .success(plan) : .failure(ImportProblems(all: problems, omitted: omitted))
    }

    /// The evidence cell: one reference per line (CRLF or LF), blanks dropped, duplicates once.
    static func evidence(_ cell: String) -> [String] {
        var items: [String] = []
        for line in cell.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let item = line.trimmingCharacters(in: .whitespaces)
            if !item.isEmpty, !items.contains(item) { items.append(item) }
        }
        return items
    }

    /// The accepted layout a header of `width` cells is read as: the legacy 12 columns, the 13 up to
    /// `base`, or all of them (anything wider is reported by `checkHeader`).
    static func layout(ofWidth width: Int) -> [String] {
        StatusCSV.layouts.reversed().first { width <= $0.count } ?? StatusCSV.columns
    }

    static func checkHeader(_ header: CSVReader.Record) -> ImportProblem? {
        let found = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = layout(ofWidth: found.count)
        for (i, expected) in columns.enumerated() {
            let cell = i < found.count ? found[i] : "(nothing)"
            if cell != expected {
                return ImportProblem(row: header.row, column: i, message: "wrong header: expected '\(expected)', found '\(cell)'; "
                    + "the file must have the layout of `actionplan export --format csv`: " + StatusCSV.columns.joined(separator: ","))
            }
        }
        if found.count > StatusCSV.columns.count {
            return ImportProblem(row: header.row, column: StatusCSV.columns.count,
                                 message: "unexpected extra column '\(found[StatusCSV.columns.count])'")
        }
        return nil
    }
}
