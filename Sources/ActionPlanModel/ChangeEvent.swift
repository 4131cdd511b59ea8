import Foundation

/// One line of a State's journal: who changed what about one action, and when.
///
/// Fields that did not change are absent (nil). An undo is a new event that restores the earlier values
/// (`undoes` names the event it compensates), so the history stays honest.
///
/// `base` names what the writer saw: the ids of the heads of this State × action when the change was
/// made (`[]` for the first event of the pair). The fold orders an action's events by it, never by the
/// clock, so a machine whose clock runs ahead cannot hide later edits. Events written before store
/// format 2 have no base (`nil`) and keep their (time, id) order.
public struct ChangeEvent: Codable, Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var time: Timestamp
    public var author: String
    public var state: String
    public var action: String
    /// The head event ids of this pair that the writer saw, sorted; nil for events of format 1.
    public var base: [String]?
    public var status: Status?
    public var note: String?
    public var evidenceAdded: [String]?
    public var evidenceRemoved: [String]?
    public var undoes: String?

    public init(id: String, time: Timestamp, author: String, state: String, action: String,
                base: [String]? = nil, status: Status? = nil, note: String? = nil, evidenceAdded: [String]? = nil,
                evidenceRemoved: [String]? = nil, undoes: String? = nil) {
        self.id = id
        self.time = time
        self.author = author
        self.state = state
        self.action = action
        self.base = base.map { $0.sorted() }
        self.status = status
        self.note = note
        self.evidenceAdded = evidenceAdded
        self.evidenceRemoved = evidenceRemoved
        self.undoes = undoes
    }

    /// Whether the event changes anything at all.
    public var isEmpty: Bool {
        status == nil && note == nil && (evidenceAdded ?? []).isEmpty && (evidenceRemoved ?? []).isEmpty
    }

    /// The order of the fold: time, then id (ids break ties the same way on every machine).
    public static func foldOrder(_ a: ChangeEvent, _ b: ChangeEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.id < b.id
    }
}

/// The current assessment of one action in one State: the fold of its events.
public struct Assessment: Sendable, Equatable, Hashable {
    public var status: Status
    public var note: String
    public var evidence: [String]
    public var updatedAt: Timestamp?
    public var updatedBy: String?

    public init(status: Status = .notAssessed, note: String = "", evidence: [String] = [],
                updatedAt: Timestamp? = nil, updatedBy: String? = nil) {
        self.status = status
        self.note = note
        self.evidence = evidence
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// No data: the starting point of every action.
    public static let unassessed = Assessment()

    /// Applies one event on top of this assessment.
    public mutating func apply(_ event: ChangeEvent) {
        if let status = event.status { self.status = status }
        if let note = event.note { self.note = note }
        if let removed = event.evidenceRemoved, !removed.isEmpty {
            let gone = Set(removed)
            evidence.removeAll { gone.contains($0) }
        }
        for item in event.evidenceAdded ?? [] where !evidence.contains(item) { evidence.append(item) }
        updatedAt = event.time
        updatedBy = event.author
    }

    /// The event that turns this assessment into `target` (nil fields where nothing differs).
    public func change(to target: Assessment) -> (status: Status?, note: String?, added: [String]?, removed: [String]?) {
        let added = target.evidence.filter { !evidence.contains($0) }
        let removed = evidence.filter { !target.evidence.contains($0) }
        return (target.status == status ? nil : target.status,
                target.note == note ? nil : target.note,
                added.isEmpty ? nil : added,
                removed.isEmpty ? nil : removed)
    }
}
