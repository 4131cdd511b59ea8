import Foundation
import ActionPlanModel

/// The checks on one data row of an imported CSV: which State, action and status it names, and
/// whether the store changed since the row was exported.
struct RowCheck {
    /// The columns the importer reads (see `StatusCSV.columns`).
    enum Column {
        static let state = 0, action = 4, status = 6, note = 8, evidence = 9, updatedAt = 10
    }

    let row: Int
    let cells: [String]

    private func cell(_ column: Int) -> String { cells[column].trimmingCharacters(in: .whitespaces) }

    /// The State, action and status of the row, or nil with every problem of the row appended.
    func identify(in tracker: Tracker, problems: inout [ImportProblem]) -> (Participant, Action, Status)? {
        var found: [ImportProblem] = []
        func problem(_ column: Int, _ message: String) {
            found.append(ImportProblem(row: row, column: column, message: message))
        }
        var participant: Participant?
        switch tracker.directory.lookup(cell(Column.state)) {
        case .success(let match): participant = match
        case .failure(let error): problem(Column.state, error.description)
        }
        var action: Action?
        switch tracker.catalog.lookupAction(cell(Column.action)) {
        case .success(let match) where match.isTrackable: action = match
        case .success(let match): problem(Column.action, "action \(match.id) is addressed to OSCE structures and is not tracked per State")
        case .failure(let error): problem(Column.action, error.description)
        }
        var status: Status?
        if cell(Column.status).isEmpty {
            problem(Column.status, "empty status; use not-assessed to leave an action unassessed")
        } else {
            switch Status.lookup(cell(Column.status)) {
            case .success(let match): status = match
            case .failure(let error): problem(Column.status, error.description)
            }
        }
        problems += found
        guard let participant, let action, let status, found.isEmpty else { return nil }
        return (participant, action, status)
    }

    /// A problem when `updated_at` is filled in and no longer matches the store (or is not a time).
    func staleness(against current: Assessment, state: String, action: String) -> ImportProblem? {
        let stamp = cell(Column.updatedAt)
        guard !stamp.isEmpty else { return nil }
        switch SpreadsheetTime.matches(stamp, current.updatedAt) {
        case nil:
            return ImportProblem(row: row, column: Column.updatedAt, message:
                "'\(stamp)' is not a time like 2026-11-29T04:40:06.123Z; clear the cell or export again")
        case false?:
            let now = current.updatedAt.map { "\($0.description) by \(current.updatedBy ?? "?")" } ?? "never"
            return ImportProblem(row: row, column: Column.updatedAt, message:
                "\(state) \(action) was changed in the store after this file was exported "
                + "(store: \(now)); export again, or clear this cell to overwrite")
        case true?:
            return nil
        }
    }
}
