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
        // Each entry with its catalog position (for stable ties) and its sort keys, computed once.
        let entries = actions.filter(\.isTrackable)
            .compactMap { action in progress[action.id].map { Entry(action: action, progress: $0) } }
            .filter { $0.share != nil }
        let keys = entries.map { (share: $0.share!, implementation: $0.progress.implementation ?? -1) }
        func higher(_ a: Int, _ b: Int) -> Bool {
            if keys[a].share != keys[b].share { return keys[a].share > keys[b].share }
            if keys[a].implementation != keys[b].implementation { return keys[a].implementation > keys[b].implementation }
            return a < b
        }
        // With few actions, each list takes half of them, so the least implemented list is not empty.
        let top = entries.indices.sorted(by: higher).prefix(min(limit, (entries.count + 1) / 2))
        let taken = Set(top)
        let bottom = entries.indices.filter { !taken.contains($0) }.sorted { a, b in
            if keys[a].share != keys[b].share { return keys[a].share < keys[b].share }
            if keys[a].implementation != keys[b].implementation { return keys[a].implementation < keys[b].implementation }
            return a < b
        }.prefix(limit)
        most = top.map { entries[$0] }
        least = bottom.map { entries[$0] }
    }
}
