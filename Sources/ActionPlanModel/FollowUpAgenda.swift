/// The follow-ups that are overdue or due soon, across States: `actionplan due`, the Dashboard.
public struct FollowUpAgenda: Sendable, Equatable {
    /// One State × action with a follow-up.
    public struct Item: Sendable, Equatable, Hashable {
        public var state: String
        public var action: String
        public var followUp: FollowUp
        /// Days from today to the date: negative when overdue.
        public var daysLeft: Int64

        public init(state: String, action: String, followUp: FollowUp, daysLeft: Int64) {
            self.state = state
            self.action = action
            self.followUp = followUp
            self.daysLeft = daysLeft
        }

        public var isOverdue: Bool { daysLeft < 0 }

        /// "3 days overdue", "due today", "12 days left".
        public var timing: String {
            if daysLeft < 0 { return Plural.count(Int(-daysLeft), "day") + " overdue" }
            if daysLeft == 0 { return "due today" }
            return Plural.count(Int(daysLeft), "day") + " left"
        }
    }

    /// Overdue and due-soon items, by date, then State and action.
    public var items: [Item]

    public var overdue: [Item] { items.filter(\.isOverdue) }
    public var dueSoon: [Item] { items.filter { !$0.isOverdue } }

    /// Every follow-up of `states` that is overdue or due within `within` days of `today` (inclusive),
    /// optionally only those owned by `owner` (ignoring case). Actions no longer in the catalog are left out.
    public init(tracker: Tracker, states: [String], today: ReviewDate, within: Int64, owner: String? = nil) {
        let trackable = Set(tracker.catalog.trackableActions.map(\.id))
        var items: [Item] = []
        for state in states {
            guard let journal = tracker.journals[state] else { continue }
            for (action, assessment) in journal.current {
                guard let followUp = assessment.followUp, trackable.contains(action) else { continue }
                if let owner, followUp.owner?.lowercased() != owner.lowercased() { continue }
                let left = followUp.daysLeft(from: today)
                if left <= within { items.append(Item(state: state, action: action, followUp: followUp, daysLeft: left)) }
            }
        }
        self.items = items.sorted {
            ($0.followUp.date, $0.state, $0.action) < ($1.followUp.date, $1.state, $1.action)
        }
    }

    /// A span such as `30d`, `2w` or `14` (days), for `--within`; nil when it is not one.
    public static func parseSpan(_ text: String) -> Int64? {
        let trimmed = text.trimmingSpaces.lowercased()
        var digits = Substring(trimmed)
        var factor: Int64 = 1
        if let last = digits.last, !last.isNumber {
            switch last {
            case "d": factor = 1
            case "w": factor = 7
            default: return nil
            }
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(digits) else { return nil }
        return n * factor
    }
}

/// How far one officer's States have come: the Dashboard's per-officer lines.
public struct OfficerProgress: Sendable, Equatable {
    public var officer: String
    public var states: [String]
    public var progress: Progress
    /// Overdue follow-ups in the officer's States.
    public var overdue: Int

    public init(officer: String, states: [String], progress: Progress, overdue: Int) {
        self.officer = officer
        self.states = states
        self.progress = progress
        self.overdue = overdue
    }

    /// One line per officer of `roster`, over the trackable actions.
    public static func all(roster: OfficerRoster, tracker: Tracker, today: ReviewDate) -> [OfficerProgress] {
        roster.officers.map { officer in
            var total = Progress()
            for state in officer.states { total.merge(tracker.progress(state: state)) }
            let overdue = FollowUpAgenda(tracker: tracker, states: officer.states, today: today, within: -1).items.count
            return OfficerProgress(officer: officer.name, states: officer.states, progress: total, overdue: overdue)
        }
    }
}
