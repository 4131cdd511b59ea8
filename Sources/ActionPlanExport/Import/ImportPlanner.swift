import Foundation
import ActionPlanModel

/// Checks an edited status CSV against the store and works out the events it implies.
///
/// Every row is checked before anything is planned, and all problems are returned together, so a desk
/// officer fixes the spreadsheet in one pass and an import is all or nothing. Only `status_id`, `note`
/// and `evidence` are read as edits; names and titles are there for people and are ignored.
/// `updated_at`, when filled in, must still match the store: otherwise someone changed the action after
/// the export and the import would silently overwrite that change.
public enum ImportPlanner {
    enum Column {
        static let state = 0, action = 4, status = 6, note = 8, evidence = 9, updatedAt = 10
    }

    /// The plan for `bytes` (a CSV file, comma- or semicolon-separated) against the current assessments
    /// in `tracker`, or every problem.
    public static func plan(csv bytes: [UInt8], tracker: Tracker) -> Result<ImportPlan, ImportProblems> {
        switch CSVReader.parse(bytes, separator: CSVReader.separator(of: bytes)) {
        case .failure(let problems):
            return .failure(ImportProblems(all: problems.all.map { ImportProblem(row: $0.row, column: $0.column, message: $0.message) }))
        case .success(let records):
            return plan(records: records, tracker: tracker)
        }
    }

    /// The plan for parsed records (the first is the header).
    public static func plan(records: [CSVReader.Record], tracker: Tracker) -> Result<ImportPlan, ImportProblems> {
        guard let header = records.first else {
            return .failure(ImportProblems(all: [ImportProblem(row: 1, message: "the file is empty; expected the header "
                + StatusCSV.columns.joined(separator: ","))]))
        }
        if let problem = checkHeader(header) { return .failure(ImportProblems(all: [problem])) }
        var problems: [ImportProblem] = []
        var plan = ImportPlan()
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            let cells = record.cells.map(CSVCell.restore)
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { plan.skipped += 1; continue }
            guard cells.count == StatusCSV.columns.count else {
                problems.append(ImportProblem(row: record.row, message:
                    "expected \(StatusCSV.columns.count) cells, found \(cells.count)"))
                continue
            }
            var rowProblems: [ImportProblem] = []
            func problem(_ column: Int, _ message: String) {
                rowProblems.append(ImportProblem(row: record.row, column: column, message: message))
            }
            var participant: Participant?
            switch tracker.directory.lookup(cells[Column.state].trimmingCharacters(in: .whitespaces)) {
            case .success(let found): participant = found
            case .failure(let error): problem(Column.state, error.description)
            }
            var action: Action?
            switch tracker.catalog.lookupAction(cells[Column.action].trimmingCharacters(in: .whitespaces)) {
            case .success(let found) where found.isTrackable: action = found
            case .success(let found): problem(Column.action, "action \(found.id) is addressed to OSCE structures and is not tracked per State")
            case .failure(let error): problem(Column.action, error.description)
            }
            var status: Status?
            let statusText = cells[Column.status].trimmingCharacters(in: .whitespaces)
            if statusText.isEmpty {
                problem(Column.status, "empty status; use not-assessed to leave an action unassessed")
            } else {
                switch Status.lookup(statusText) {
                case .success(let found): status = found
                case .failure(let error): problem(Column.status, error.description)
                }
            }
            guard let participant, let action, let status, rowProblems.isEmpty else { problems += rowProblems; continue }
            let key = participant.code + "\u{0}" + action.id
            if let first = seen[key] {
                problems.append(ImportProblem(row: record.row, message:
                    "duplicate of row \(first) (\(participant.code) \(action.id) appears twice)"))
                continue
            }
            seen[key] = record.row
            let current = tracker.assessment(state: participant.code, action: action.id)
            let stamp = cells[Column.updatedAt].trimmingCharacters(in: .whitespaces)
            if !stamp.isEmpty {
                switch SpreadsheetTime.matches(stamp, current.updatedAt) {
                case nil:
                    problems.append(ImportProblem(row: record.row, column: Column.updatedAt, message:
                        "'\(stamp)' is not a time like 2026-11-29T04:40:06.123Z; clear the cell or export again"))
                    continue
                case false?:
                    let now = current.updatedAt.map { "\($0.description) by \(current.updatedBy ?? "?")" } ?? "never"
                    problems.append(ImportProblem(row: record.row, column: Column.updatedAt, message:
                        "\(participant.code) \(action.id) was changed in the store after this file was exported "
                        + "(store: \(now)); export again, or clear this cell to overwrite"))
                    continue
                case true?:
                    break
                }
            }
            var target = current
            target.status = status
            target.note = cells[Column.note]
            target.evidence = evidence(cells[Column.evidence])
            let diff = current.change(to: target)
            if diff.status == nil, diff.note == nil, diff.added == nil, diff.removed == nil {
                plan.unchanged += 1
            } else {
                plan.changes.append(PlannedChange(row: record.row, state: participant.code, action: action.id,
                    before: current.status, status: diff.status, note: diff.note,
                    evidenceAdded: diff.added, evidenceRemoved: diff.removed))
            }
        }
        return problems.isEmpty ? .success(plan) : .failure(ImportProblems(all: problems))
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

    static func checkHeader(_ header: CSVReader.Record) -> ImportProblem? {
        let found = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (i, expected) in StatusCSV.columns.enumerated() {
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
