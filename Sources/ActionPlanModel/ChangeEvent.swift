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
public struct ChangeEvent: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var time: Timestamp
    public var author: String
    public var state: String
    public var action: String
    /// The head event ids of this pair that the writer saw, sorted; nil for events of format 1.
    public var base: [String]?
    /// What the event does to the assessment: status, note, evidence added and removed.
    public var change: Change
    public var undoes: String?

    public var status: Status? { get { change.status } set { change.status = newValue } }
    public var note: String? { get { change.note } set { change.note = newValue } }
    public var evidenceAdded: [String]? { get { change.evidenceAdded } set { change.evidenceAdded = newValue } }
    public var evidenceRemoved: [String]? { get { change.evidenceRemoved } set { change.evidenceRemoved = newValue } }
    public var followUp: FollowUpEdit? { get { change.followUp } set { change.followUp = newValue } }

    public init(id: String, time: Timestamp, author: String, state: String, action: String,
                base: [String]? = nil, status: Status? = nil, note: String? = nil, evidenceAdded: [String]? = nil,
                evidenceRemoved: [String]? = nil, undoes: String? = nil) {
        self.id = id
        self.time = time
        self.author = author
        self.state = state
        self.action = action
        self.base = base.map { $0.sorted() }
        change = Change(status: status, note: note, evidenceAdded: evidenceAdded, evidenceRemoved: evidenceRemoved)
        self.undoes = undoes
    }

    public init(id: String, time: Timestamp, author: String, state: String, action: String, base: [String]?,
                change: Change, undoes: String? = nil) {
        self.init(id: id, time: time, author: author, state: state, action: action, base: base, undoes: undoes)
        self.change = change
    }

    /// Whether the event changes anything at all.
    public var isEmpty: Bool { change.isEmpty }

    /// The order of the fold: time, then id (ids break ties the same way on every machine), then action
    /// (only the copies of one event under a split action's new ids share a time and an id).
    public static func foldOrder(_ a: ChangeEvent, _ b: ChangeEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.id != b.id ? a.id < b.id : a.action < b.action
    }
}

/// The current assessment of one action in one State: the fold of its events.
public struct Assessment: Sendable, Equatable, Hashable {
    public var status: Status
    public var note: String
    public var evidence: [String]
    public var updatedAt: Timestamp?
    public var updatedBy: String?
    /// The next review and who follows it up; nil when none is set.
    public var followUp: FollowUp?

    public init(status: Status = .notAssessed, note: String = "", evidence: [String] = [],
                updatedAt: Timestamp? = nil, updatedBy: String? = nil, followUp: FollowUp? = nil) {
        self.status = status
        self.note = note
        self.evidence = evidence
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.followUp = followUp
    }

    /// No data: the starting point of every action.
    public static let unassessed = Assessment()

    /// Applies one event on top of this assessment.
    public mutating func apply(_ event: ChangeEvent) {
        apply(event.change)
        updatedAt = event.time
        updatedBy = event.author
    }

    /// The change that turns this assessment into `target` (nil fields where nothing differs).
    public func change(to target: Assessment) -> Change { Change(from: self, to: target) }
}
