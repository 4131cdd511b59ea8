import ActionPlanModel

/// The History screen: its filter, the rows that pass it (newest first), the cursor and the scroll.
///
/// The rows are computed by `update` when the screen opens, the filter changes or the store changes,
/// because sorting every event of every State is the one costly query of the TUI.
public struct HistoryView: Equatable, Sendable {
    public struct Filter: Equatable, Sendable {
        public var state: String?
        public var action: String?
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

        public var summary: String {
            var parts: [String] = []
            if let state { parts.append("state=\(state)") }
            if let action { parts.append("action=\(action)") }
            if let author { parts.append("author=\(author)") }
            if let since { parts.append("since=\(since)") }
            return parts.joined(separator: " ")
        }
    }

    public var filter = Filter()
    public private(set) var rows: [TimelineEntry] = []
    public var selected = 0
    public var scroll = 0
    /// Set when the store changed while another screen was shown.
    public var stale = true

    public init() {}

    /// Recomputes the rows from the tracker.
    mutating func refresh(tracker: Tracker, states: [Participant]) {
        let codes = filter.state.map { [$0] } ?? states.map(\.code)
        let since = filter.since.flatMap(Timestamp.day)
        let author = filter.author?.lowercased()
        let action = filter.action?.lowercased()
        rows = tracker.timeline(states: codes).filter { entry in
            if let since, entry.event.time < since { return false }
            if let author, entry.event.author.lowercased() != author { return false }
            if let action, entry.event.action.lowercased() != action { return false }
            return true
        }
        selected = min(selected, max(0, rows.count - 1))
        stale = false
    }

    mutating func keepVisible(height: Int) {
        guard height > 0 else { return }
        selected = max(0, min(selected, rows.count - 1))
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - height)))
    }
}
