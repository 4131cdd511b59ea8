import ActionPlanModel

/// What `set` was asked to do for one State, applied to each action in turn.
struct SetRequest {
    var state: String
    var status: Status
    var note: String?
    var evidence: [String]
    var author: String
    var time: Timestamp

    /// The event for one action (nil when nothing differs), based on the action's heads as `journal` has them.
    func outcome(for action: String, in journal: Journal, makeID: () -> String) -> SetOutcome {
        let current = journal.assessment(of: action)
        var target = current
        target.status = status
        if let note { target.note = note }
        for ref in evidence where !target.evidence.contains(ref) { target.evidence.append(ref) }
        let conflict = journal.conflict(of: action)
        var event = ChangeEvent(id: makeID(), time: time, author: author, state: state, action: action,
                                base: journal.headIDs(of: action), change: current.change(to: target))
        // Resolving a conflict states the chosen status explicitly, so the history reads as a decision.
        if conflict != nil { event.status = status }
        return SetOutcome(state: state, action: action, before: current.status, after: status,
                          event: event.isEmpty ? nil : event,
                          resolves: conflict.map { $0.sides.map(\.head.author) })
    }
}

/// One action's result: the event to write, or none when nothing differs.
struct SetOutcome {
    var state, action: String
    var before, after: Status
    var event: ChangeEvent?
    /// The authors of the conflicting heads this event resolves.
    var resolves: [String]?

    /// "AT AP03-III-1-a: not-assessed → implemented, note edited (by alice, event 3f0c…)": the one
    /// description of a change (`Change.describe`), and the conflict it resolves.
    var description: String {
        guard let event else { return "\(state) \(action): unchanged (\(before.rawValue)); nothing written" }
        var text = event.change.describe(from: before)
        if let resolves { text += ", resolves the conflict between \(resolves.joined(separator: " and "))" }
        return "\(state) \(action): \(text) (by \(event.author), event \(event.id))"
    }
}

/// `set --format json`: what was written and what was already so.
struct SetReport: Encodable {
    struct Written: Encodable {
        var id, action, from, to, author, time: String
        var base: [String]
        var note: String?
        var evidenceAdded: [String]?
    }
    var state: String
    var written: [Written]
    var unchanged: [String]

    init(state: String, outcomes: [SetOutcome]) {
        self.state = state
        written = outcomes.compactMap { o in
            o.event.map { Written(id: $0.id, action: o.action, from: o.before.rawValue, to: o.after.rawValue, author: $0.author,
                                  time: $0.time.description, base: $0.base ?? [], note: $0.note, evidenceAdded: $0.evidenceAdded) }
        }
        unchanged = outcomes.filter { $0.event == nil }.map(\.action)
    }
}
