import Foundation
import ActionPlanModel

/// The checks on one data row of an imported CSV: which State, action and status it names, and
/// whether the store changed since the row was exported.
struct RowCheck {
    /// The columns the importer reads (see `StatusCSV.columns`).
    enum Column {
        static let state = 0, action = 4, status = 6, note = 8, evidence = 9, updatedAt = 10, base = 12
        static let followUpDate = 13, followUpOwner = 14
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

    /// The follow-up the row asks for: both cells empty for none, else a calendar date and an optional
    /// owner. A date before `today` is refused unless it is the one the store already has.
    func followUp(current: FollowUp?, today: ReviewDate?) -> Result<FollowUp?, ImportProblem> {
        let dateText = cell(Column.followUpDate), ownerText = cell(Column.followUpOwner)
        if dateText.isEmpty {
            return ownerText.isEmpty ? .success(nil) : .failure(ImportProblem(row: row, column: Column.followUpOwner,
                message: "follow_up_owner '\(TerminalSafe.clean(ownerText))' without a follow_up_date; give a date (YYYY-MM-DD) or empty both"))
        }
        guard let date = ReviewDate(parsing: dateText) else {
            return .failure(ImportProblem(row: row, column: Column.followUpDate,
                message: "follow_up_date '\(TerminalSafe.clean(dateText))' is not a calendar day like 2027-03-31"))
        }
        var owner: String?
        if !ownerText.isEmpty {
            switch PersonName.validate(ownerText) {
            case .success(let name): owner = name
            case .failure(let error): return .failure(ImportProblem(row: row, column: Column.followUpOwner, message: error.description))
            }
        }
        let followUp = FollowUp(date: date, owner: owner)
        if let today, date < today, current?.date != date {
            return .failure(ImportProblem(row: row, column: Column.followUpDate,
                message: "follow_up_date \(date) is in the past (today is \(today)); give today or a later date"))
        }
        return .success(followUp)
    }

    /// A problem when the store changed since the row was exported (the row then differs from the store).
    ///
    /// With a `base` cell: it must name the store's heads (`none`: never assessed); an empty cell
    /// overwrites on purpose. Without one (a file from before the column): `updated_at` must match,
    /// and an empty `updated_at` means the action was never assessed when the file was exported.
    func staleness(against current: Assessment, heads: [ChangeEvent], state: String, action: String) -> ImportProblem? {
        let headIDs = Set(heads.map(\.id))
        let changedSince: String? = {
            let who = heads.map { "\($0.author) at \($0.time.description)" }.joined(separator: " and ")
            return "\(state) \(action) was changed in the store after this file was exported (by \(who); now "
                + "\(current.status.rawValue)); export again and redo the change"
        }()
        if cells.count > Column.base {
            let cell = cell(Column.base)
            if cell.isEmpty { return nil }
            let named = cell == StatusCSV.neverAssessed ? Set<String>() : Set(cell.split(separator: " ").map(String.init))
            return named == headIDs ? nil : ImportProblem(row: row, column: Column.base, message: changedSince!)
        }
        let stamp = cell(Column.updatedAt)
        if stamp.isEmpty {
            return headIDs.isEmpty ? nil : ImportProblem(row: row, column: Column.updatedAt, message: changedSince!
                + " (the file says it was never assessed)")
        }
        switch SpreadsheetTime.matches(stamp, current.updatedAt) {
        case nil:
            return ImportProblem(row: row, column: Column.updatedAt, message:
                "'\(stamp)' is not a time like 2026-11-29T04:40:06.123Z; export again")
        case false?:
            return ImportProblem(row: row, column: Column.updatedAt, message: changedSince!)
        case true?:
            return nil
        }
    }
}
