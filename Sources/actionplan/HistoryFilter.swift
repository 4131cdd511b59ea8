import Foundation
import ActionPlanModel

/// The `history` filters that look at one entry: `--by` and `--status`.
enum HistoryFilter {
    /// Whether the entry was written by someone whose name contains `author` (any case), and sets `status`.
    ///
    /// "Sets" means a transition into the status: a note-only edit of an implemented action is not
    /// a change "to implemented", so a report of what reached a status lists each arrival once.
    static func matches(_ entry: TimelineEntry, author: String?, status: Status?) -> Bool {
        if let author, !author.isEmpty, entry.event.author.range(of: author, options: .caseInsensitive) == nil { return false }
        if let status, !(entry.changesStatus && entry.after.status == status) { return false }
        return true
    }
}
