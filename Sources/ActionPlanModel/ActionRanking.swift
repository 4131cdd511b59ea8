/// The most and the least implemented actions across States: a per-action view for reviewers.
///
/// An action's standing is the share of States (in scope, and for which it applies) where it is
/// implemented; ties go to the higher implementation figure, then to catalog order, so the lists are
/// stable. The least implemented list never repeats an action of the most implemented one; with fewer
/// than twice `limit` actions, the most implemented list takes the better half.
public struct ActionRanking: Sendable, Equatable {
    /// One action with its figures over the States.
    public struct Entry: Sendable, Equatable {
        public var action: Action
        public var progress: Progress
        /// States in scope for which the action applies (not "not applicable").
        public var applicable: Int { progress.trackable - progress.count(.notApplicable) }
        /// States where the action is implemented.
        public var implemented: Int { progress.count(.implemented) }
        /// implemented / applicable; nil when it applies nowhere.
        public var share: Double? { applicable == 0 ? nil : Double(implemented) / Double(applicable) }

        public init(action: Action, progress: Progress) {
            self.action = action
            self.progress = progress
        }
    }

    public var most: [Entry]
    public var least: [Entry]

    public init(most: [Entry], least: [Entry]) {
        self.most = most
        self.least = least
    }

    /// Ranks `actions` (catalog order) by their figures in `progress` (by action id, summed over the States
    /// in scope); at most `limit` entries in each list. An action that applies nowhere is left out.
    public init(actions: [Action], progress: [String: Progress], limit: Int) {
        // Each entry with its catalog position, for stable ties.
        let entries = Array(actions.filter(\.isTrackable)
            .compactMap { action in progress[action.id].map { Entry(action: action, progress: $0) } }
            .filter { $0.share != nil }
            .enumerated().map { ($0.offset, $0.element) })
        func higher(_ a: (Int, Entry), _ b: (Int, Entry)) -> Bool {
            let (x, y) = (a.1.share!, b.1.share!)
            if x != y { return x > y }
            let (i, j) = (a.1.progress.implementation ?? -1, b.1.progress.implementation ?? -1)
            if i != j { return i > j }
            return a.0 < b.0
        }
        // With few actions, each list takes half of them, so the least implemented list is not empty.
        let top = entries.sorted(by: higher).prefix(min(limit, (entries.count + 1) / 2))
        let taken = Set(top.map(\.0))
        let bottom = entries.filter { !taken.contains($0.0) }.sorted { a, b in
            let (x, y) = (a.1.share!, b.1.share!)
            if x != y { return x < y }
            let (i, j) = (a.1.progress.implementation ?? -1, b.1.progress.implementation ?? -1)
            if i != j { return i < j }
            return a.0 < b.0
        }.prefix(limit)
        most = top.map(\.1)
        least = bottom.map(\.1)
    }
}
