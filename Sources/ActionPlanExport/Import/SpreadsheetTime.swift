import Foundation
import ActionPlanModel

/// Reads the `updated_at` cell back the way spreadsheets may have rewritten it.
///
/// LibreOffice and Excel can turn `2026-02-15T10:00:00.000Z` into `2026-02-15 10:00:00` or
/// `2026-02-15 10:00` when a file is saved again. The stale-row check must not refuse every row for
/// that, so the cell is compared at the precision it still has (milliseconds, seconds or minutes).
enum SpreadsheetTime {
    /// Whether `cell` names the same instant as `stored`, at the cell's precision; nil if unreadable.
    static func matches(_ cell: String, _ stored: Timestamp?) -> Bool? {
        guard let (time, unit) = parse(cell) else { return nil }
        guard let stored else { return false }
        let floored = stored.milliseconds - ((stored.milliseconds % unit) + unit) % unit
        return floored == time.milliseconds
    }

    /// The instant and the precision in milliseconds of `YYYY-MM-DD[T or space]HH:MM[:SS[.fff]][Z]` (UTC).
    static func parse(_ cell: String) -> (Timestamp, Int64)? {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("Z") { text.removeLast() }
        guard text.count >= 16 else { return nil }
        let unit: Int64
        switch text.count {
        case 16: text += ":00"; unit = 60_000
        case 19: unit = 1000
        default: unit = 1
        }
        guard let time = Timestamp(parsing: text + "Z") else { return nil }
        return (time, unit)
    }
}
