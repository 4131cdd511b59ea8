/// What one change does to an assessment: the status, the note and the evidence it sets.
///
/// A field that is nil did not change. Every place a change travels embeds this one value: the event in
/// a journal (`ChangeEvent`), the TUI's draft (`EventDraft`) and an import row's plan (`PlannedChange`);
/// and every place that shows a change to a person uses its one description (`describe`).
public struct Change: Sendable, Equatable, Hashable {
    public var status: Status?
    public var note: String?
    public var evidenceAdded: [String]?
    public var evidenceRemoved: [String]?
    /// A new follow-up (date and owner) or its removal; nil when the follow-up did not change.
    public var followUp: FollowUpEdit?

    public init(status: Status? = nil, note: String? = nil, evidenceAdded: [String]? = nil, evidenceRemoved: [String]? = nil,
                followUp: FollowUpEdit? = nil) {
        self.status = status
        self.note = note
        self.evidenceAdded = evidenceAdded
        self.evidenceRemoved = evidenceRemoved
        self.followUp = followUp
    }

    /// The change that turns `before` into `after` (nil fields where nothing differs).
    public init(from before: Assessment, to after: Assessment) {
        let added = after.evidence.filter { !before.evidence.contains($0) }
        let removed = before.evidence.filter { !after.evidence.contains($0) }
        self.init(status: after.status == before.status ? nil : after.status,
                  note: after.note == before.note ? nil : after.note,
                  evidenceAdded: added.isEmpty ? nil : added,
                  evidenceRemoved: removed.isEmpty ? nil : removed,
                  followUp: after.followUp == before.followUp ? nil : after.followUp.map { .set($0) } ?? .cleared)
    }

    /// Whether the change sets nothing at all.
    public var isEmpty: Bool {
        status == nil && note == nil && (evidenceAdded ?? []).isEmpty && (evidenceRemoved ?? []).isEmpty && followUp == nil
    }

    /// Whether the change touches only the follow-up (not the status, note or evidence).
    public var isFollowUpOnly: Bool {
        followUp != nil && status == nil && note == nil && (evidenceAdded ?? []).isEmpty && (evidenceRemoved ?? []).isEmpty
    }

    // MARK: - The one description

    /// How a description writes statuses and how much it says.
    public struct Wording: Sendable {
        /// "implemented" (ids, for commands and scripts) or "◔ In progress" (the TUI).
        public var status: @Sendable (Status) -> String
        /// How the replaced status is written (defaults to `status`; the TUI's narrow columns use only
        /// its symbol).
        public var before: (@Sendable (Status) -> String)?
        public var arrow: String
        /// Quote the note and list the references ("note: …; +evidence: a, b") instead of counting.
        public var detailed: Bool
        public var separator: String

        public init(status: @escaping @Sendable (Status) -> String, before: (@Sendable (Status) -> String)? = nil,
                    arrow: String = "→", detailed: Bool = false, separator: String = ", ") {
            self.status = status
            self.before = before
            self.arrow = arrow
            self.detailed = detailed
            self.separator = separator
        }

        /// Status ids and counts: `set`'s message and the import plan.
        public static let ids = Wording(status: { $0.rawValue })
        /// Status ids, the note quoted and the references listed: `history`.
        public static let detailedIDs = Wording(status: { $0.rawValue }, detailed: true, separator: "; ")
    }

    /// "not-started → implemented, note edited, +1 evidence, −1 evidence, follow-up 2027-03-31 (alice)": what the change did to
    /// `before` (the status it replaced), or "no change". A status set to the value it already had
    /// reads "implemented (status kept)".
    public func describe(from before: Status, _ wording: Wording = .ids) -> String {
        var parts: [String] = []
        if let status {
            parts.append(status == before ? "\(wording.status(status)) (status kept)"
                         : "\((wording.before ?? wording.status)(before)) \(wording.arrow) \(wording.status(status))")
        }
        if let note {
            if wording.detailed { parts.append(note.isEmpty ? "note cleared" : "note: \(note)") }
            else { parts.append(note.isEmpty ? "note cleared" : "note edited") }
        }
        if let added = evidenceAdded, !added.isEmpty {
            parts.append(wording.detailed ? "+evidence: " + added.joined(separator: ", ") : "+\(added.count) evidence")
        }
        if let removed = evidenceRemoved, !removed.isEmpty {
            parts.append(wording.detailed ? "−evidence: " + removed.joined(separator: ", ") : "−\(removed.count) evidence")
        }
        switch followUp {
        case .set(let value)?: parts.append("follow-up \(value.description)")
        case .cleared?: parts.append("follow-up cleared")
        case nil: break
        }
        return parts.isEmpty ? "no change" : parts.joined(separator: wording.separator)
    }
}

extension Assessment {
    /// Applies a change (the fields it sets) on top of this assessment.
    public mutating func apply(_ change: Change) {
        if let status = change.status { self.status = status }
        if let note = change.note { self.note = note }
        if let removed = change.evidenceRemoved, !removed.isEmpty {
            let gone = Set(removed)
            evidence.removeAll { gone.contains($0) }
        }
        for item in change.evidenceAdded ?? [] where !evidence.contains(item) { evidence.append(item) }
        if let edit = change.followUp { followUp = edit.value }
    }
}
