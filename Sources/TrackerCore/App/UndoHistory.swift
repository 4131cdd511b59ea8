import ActionPlanModel

/// Undo and redo as compensating events: the journal only grows, so the history stays honest.
///
/// Each step remembers, per (State, action), the assessment before and after the change. Undo records
/// drafts that turn "after" back into "before"; redo records drafts that turn it into "after" again.
/// Steps enter the stacks only when the runner confirms the save (`.saved`), never on a failed write.
public struct UndoHistory: Equatable, Sendable {
    /// One action of a step, with its values before and after the step.
    public struct Target: Equatable, Sendable {
        public var state: String
        public var action: String
        public var before: Assessment
        public var after: Assessment
    }

    /// What one key press changed (one action, or every marked action at once).
    public struct Step: Equatable, Sendable {
        public var targets: [Target]
        /// Per target, the id of the saved event that changed it (what an undo of it compensates).
        public var eventIDs: [String?]
    }

    /// What a save in flight will become when the runner confirms it.
    public enum PendingKind: Equatable, Sendable { case edit, undo, redo }

    /// A step sent to the runner, waiting for `.saved` or `.saveFailed`.
    public struct Pending: Equatable, Sendable {
        public var kind: PendingKind
        public var targets: [Target]
        public var description: String
        /// The undo or redo step being replayed, put back on its stack if the write fails.
        public var original: Step?
    }

    public internal(set) var undoStack: [Step] = []
    public internal(set) var redoStack: [Step] = []
    /// Saves sent to the runner and not yet answered, oldest first.
    public internal(set) var pending: [Pending] = []

    public init() {}
}

extension Assessment {
    /// Same status, note, evidence and follow-up (who changed it last, and when, does not matter).
    func hasSameValues(as other: Assessment) -> Bool {
        status == other.status && note == other.note && evidence == other.evidence && followUp == other.followUp
    }

    /// The draft that turns this assessment into `target` exactly, evidence order included.
    ///
    /// `Assessment.apply` removes evidence first and appends additions at the end, so when a plain
    /// difference would leave the items in another order, every item is removed and re-added in order.
    func draft(to target: Assessment, state: String, action: String, undoes: String?) -> EventDraft? {
        var draft = EventDraft(state: state, action: action, undoes: undoes)
        draft.change = change(to: target)
        var trial = self
        trial.apply(draft.stamped(id: "", time: Timestamp(milliseconds: 0), author: ""))
        if trial.evidence != target.evidence {
            draft.evidenceRemoved = evidence.isEmpty ? nil : evidence
            draft.evidenceAdded = target.evidence.isEmpty ? nil : target.evidence
        }
        return draft.change.isEmpty ? nil : draft
    }
}
