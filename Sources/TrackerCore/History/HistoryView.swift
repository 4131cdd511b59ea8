import ActionPlanModel
import TerminalKit

/// The History screen: its filter, the rows that pass it (newest first), the cursor and the scroll.
///
/// A large store holds well over 100,000 events, so a row is only a reference (State, position in its
/// journal); the assessment before and after an event is folded only for the rows on screen. The rows are
/// recomputed when the screen opens, the filter changes or the store changes, never per frame.
public struct HistoryView: Equatable, Sendable {
    /// Which changes the screen lists (all of them when every field is nil).
    public struct Filter: Equatable, Sendable {
        public var state: String?
        public var action: String?
        /// Part of the author's name, any case ("bob" finds "bob.reviewer").
        public var author: String?
        /// `YYYY-MM-DD`, inclusive.
        public var since: String?

        public init(state: String? = nil, action: String? = nil, author: String? = nil, since: String? = nil) {
            self.state = state
            self.action = action
            self.author = author
            self.since = since
        }

        public var isActive: Bool { state != nil || action != nil || author != nil || since != nil }

        /// Whether `event` passes the filter's State, action, author and day.
        public func matches(_ event: ChangeEvent) -> Bool {
            if let state, event.state != state { return false }
            if let since = since.flatMap(Timestamp.day), event.time < since { return false }
            if let author = author?.lowercased(), !event.author.lowercased().contains(author) { return false }
            if let action = action?.lowercased(), event.action.lowercased() != action { return false }
            return true
        }

        public var summary: String {
            var parts: [String] = []
            if let state { parts.append("state=\(state)") }
            if let action { parts.append("action=\(action)") }
            if let author { parts.append("author=\(author)") }
            if let since { parts.append("since=\(since)") }
            return parts.joined(separator: " ")
        }
    }

    /// One event: the State's journal and the event's index in it (or, when the rows come from pages read
    /// from the store, the index in `pages`).
    public struct Row: Equatable, Sendable {
        public var state: String
        public var index: Int
    }

    public var filter = Filter()
    public private(set) var rows: [Row] = []
    public var selected = 0
    public var scroll = 0
    /// Set when the store changed while another screen was shown.
    public var stale = true
    /// Whether older rows exist that are not in memory yet (a store read through checkpoints keeps only
    /// each journal's newest events): the first page needs no read; the runner reads the rest on demand.
    public private(set) var truncated = false
    /// The newest changes that pass the filter, read page by page from the store when the list needs
    /// more than memory holds; the rows then index these. Nil while the rows come from memory.
    public private(set) var pages: [PagedChange]?
    /// What `pages` answers (the runner's last page for this screen).
    public private(set) var requested: HistoryPageRequest?

    public init() {}

    /// A page read by the runner: it replaces the rows when it answers the current filter.
    mutating func receive(_ changes: [PagedChange], for request: HistoryPageRequest) {
        guard request.filter == filter else { return }
        pages = changes
        requested = request
        rows = changes.enumerated().map { Row(state: $0.element.event.state, index: $0.offset) }
        truncated = changes.count >= request.count
        selected = min(selected, max(0, rows.count - 1))
        stale = false
    }

    /// The change of a row, with the statuses before and after it and whether it is an undo or a redo.
    func entry(_ row: Row, in tracker: Tracker) -> (change: RecentChange, compensation: Compensation?)? {
        if let pages {
            guard row.index < pages.count else { return nil }
            let page = pages[row.index]
            return (RecentChange(event: page.event, before: Assessment(status: page.statusBefore), after: Assessment(status: page.statusAfter)),
                    page.compensation)
        }
        guard let change = Self.change(row, in: tracker) else { return nil }
        return (change, tracker.journal(row.state).compensation(of: change.event))
    }

    /// Recomputes the rows from the tracker: filter each journal, then order all by time and id, newest first.
    ///
    /// Each journal is already in fold order, so it is walked backwards and the sort only merges those
    /// runs; the keys are plain integers, and event ids are compared only for equal times in two States.
    mutating func refresh(tracker: Tracker, states: [Participant]) {
        struct Key { var time: Int64; var journal: Int32; var index: Int32 }
        pages = nil
        requested = nil
        let codes = filter.state.map { [$0] } ?? states.map(\.code)
        let journals = codes.map { tracker.journals[$0]?.events ?? [] }
        let since = filter.since.flatMap(Timestamp.day)
        let author = filter.author?.lowercased()
        let action = filter.action?.lowercased()
        // Only the newest events are surely all here when journals were read through checkpoints
        // (`Tracker.newestKept`): the list is those, from each journal's newest; a filter may match older
        // events, so it waits for a page read from the store (the runner reads it on `historyNeeded`).
        let kept = tracker.newestKept
        let limited = kept != Int.max
        if limited, filter.isActive {
            rows = []
            truncated = true
            selected = 0
            stale = false
            return
        }
        var keys: [Key] = []
        keys.reserveCapacity(journals.reduce(0) { $0 + min($1.count, kept) })
        for (j, events) in journals.enumerated() {
            for i in events.indices.reversed().prefix(kept) {
                let event = events[i]
                if let since, event.time < since { continue }
                if let author, !event.author.lowercased().contains(author) { continue }
                if let action, event.action.lowercased() != action { continue }
                keys.append(Key(time: event.time.milliseconds, journal: Int32(j), index: Int32(i)))
            }
        }
        keys.sort { a, b in
            if a.time != b.time { return a.time > b.time }
            if a.journal == b.journal { return a.index > b.index }
            return journals[Int(a.journal)][Int(a.index)].id > journals[Int(b.journal)][Int(b.index)].id
        }
        rows = keys.map { Row(state: codes[Int($0.journal)], index: Int($0.index)) }
        // Some journal holds only its newest events: older rows exist that are not listed yet.
        truncated = limited
        if limited { rows = Array(rows.prefix(kept)) }
        selected = min(selected, max(0, rows.count - 1))
        stale = false
    }

    /// The event of a row with the assessment of its action just before and after it.
    static func change(_ row: Row, in tracker: Tracker) -> RecentChange? {
        guard let journal = tracker.journals[row.state], row.index < journal.events.count else { return nil }
        let event = journal.events[row.index]
        let before = journal.assessment(before: row.index)
        var after = before
        after.apply(event)
        return RecentChange(event: event, before: before, after: after)
    }

    mutating func keepVisible(height: Int) {
        guard height > 0 else { return }
        selected = max(0, min(selected, rows.count - 1))
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - height)))
    }
}

/// What the History screen asks the runner for: the newest `count` changes of `states` that pass `filter`.
public struct HistoryPageRequest: Equatable, Sendable {
    public var filter: HistoryView.Filter
    public var states: [String]
    public var count: Int

    public init(filter: HistoryView.Filter, states: [String], count: Int) {
        self.filter = filter
        self.states = states
        self.count = count
    }
}
