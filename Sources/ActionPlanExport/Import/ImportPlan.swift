import ActionPlanModel

/// What an import would do: the rows that change something, and how many did not.
public struct ImportPlan: Sendable, Equatable {
    public var changes: [PlannedChange]
    /// Rows whose status, note and evidence equal the store's.
    public var unchanged: Int
    /// Blank rows (every cell empty), which spreadsheets often leave at the end.
    public var skipped: Int

    public init(changes: [PlannedChange] = [], unchanged: Int = 0, skipped: Int = 0) {
        self.changes = changes
        self.unchanged = unchanged
        self.skipped = skipped
    }

    /// One event per change, all at `time` by `author`; `makeID` supplies unique event ids.
    ///
    /// Ids and time come in from the caller because this target reads no clock and makes no ids.
    public func events(author: String, time: Timestamp, makeID: () -> String) -> [ChangeEvent] {
        changes.map { change in
            ChangeEvent(id: makeID(), time: time, author: author, state: change.state, action: change.action,
                        base: change.base, change: change.change)
        }
    }

    /// "3 row(s) changed, 102 unchanged, 1 skipped (blank)".
    public var summary: String {
        "\(changes.count) row(s) changed, \(unchanged) unchanged, \(skipped) skipped (blank)"
    }
}

/// The difference one CSV row makes to one State × action.
public struct PlannedChange: Sendable, Equatable {
    public var row: Int
    public var state: String
    public var action: String
    public var before: Status
    /// What the row changes (the same value the event will carry).
    public var change: Change
    /// The heads the row was checked against; the store checks them again under its lock.
    public var base: [String]

    public init(row: Int, state: String, action: String, before: Status, change: Change, base: [String] = []) {
        self.row = row
        self.state = state
        self.action = action
        self.before = before
        self.change = change
        self.base = base
    }

    public var status: Status? { change.status }
    public var note: String? { change.note }
    public var evidenceAdded: [String]? { change.evidenceAdded }
    public var evidenceRemoved: [String]? { change.evidenceRemoved }

    /// "row 4: XA AP03-III-1-a: not-started → implemented, note edited" (the one description of a change).
    public var description: String {
        "row \(row): \(state) \(action): " + change.describe(from: before)
    }
}
