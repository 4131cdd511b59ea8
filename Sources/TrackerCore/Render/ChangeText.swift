import ActionPlanModel

/// How one change reads in the details pane, the dashboard and the history: "○ Not started → ● Implemented".
enum ChangeText {
    /// `compact` drops the label of the old status ("· → ◔ In progress") for narrow table columns; an
    /// undo or redo says so first ("redo: · → ◔ In progress").
    static func summary(_ before: Assessment, _ after: Assessment, _ event: ChangeEvent, in tracker: Tracker,
                        theme: Theme, compact: Bool = false) -> String {
        summary(before, after, event, compensation: tracker.journal(event.state).compensation(of: event), theme: theme, compact: compact)
    }

    /// The same, when whether the event is an undo or a redo is already known (a page of history read
    /// from the store, whose events need not be in memory).
    static func summary(_ before: Assessment, _ after: Assessment, _ event: ChangeEvent, compensation: Compensation?,
                        theme: Theme, compact: Bool = false) -> String {
        let ascii = theme.ascii
        let symbol: @Sendable (Status) -> String = { ascii ? $0.asciiSymbol : $0.symbol }
        let labelled: @Sendable (Status) -> String = { symbol($0) + " " + $0.label }
        let wording = Change.Wording(status: labelled, before: compact ? symbol : nil, arrow: theme.arrow)
        let text = event.change.describe(from: before.status, wording)
        guard let kind = compensation else { return text }
        return "\(kind.rawValue): \(text)"
    }

    /// The newest `count` events of one action (oldest-first input), newest first, with before and after.
    static func latest(_ journal: Journal, action: String, count: Int) -> [RecentChange] {
        // Each change's "before" is what its writer saw (its bases), which matters when two offices
        // changed the action concurrently; for a plain chain it is simply the change before it.
        journal.events(for: action).suffix(count).reversed().map { event in
            let index = journal.events.lastIndex(of: event) ?? 0
            let before = journal.assessment(before: index)
            var after = before
            after.apply(event)
            return RecentChange(event: event, before: before, after: after)
        }
    }
}
