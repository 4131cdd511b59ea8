import ActionPlanModel
import TerminalKit

extension AppState {
    /// `u`: records the drafts that bring the last step's actions back to their values before it.
    mutating func undoLast() -> [Effect] {
        guard let step = undo.undoStack.popLast() else { return [] }
        return replay(step, kind: .undo)
    }

    /// `Ctrl-R`: records the drafts that bring the last undone step's actions to their values after it.
    mutating func redoLast() -> [Effect] {
        guard let step = undo.redoStack.popLast() else { return [] }
        return replay(step, kind: .redo)
    }

    /// Compensating drafts for one step, refused when someone else changed one of its actions since.
    ///
    /// Undo must never overwrite a colleague's newer change (picked up by a reload), so every action of
    /// the step must still hold the values this session left; otherwise nothing is written and the
    /// step is dropped with an explanation.
    private mutating func replay(_ step: UndoHistory.Step, kind: UndoHistory.PendingKind) -> [Effect] {
        var drafts: [EventDraft] = []
        for (i, target) in step.targets.enumerated() {
            let now = tracker.assessment(state: target.state, action: target.action)
            let expected = kind == .undo ? target.after : target.before
            let goal = kind == .undo ? target.before : target.after
            guard now.hasSameValues(as: expected) else {
                let who = now.updatedBy.map { " by \($0)" } ?? ""
                message = Message("\(target.action) was changed since\(who); not \(kind == .undo ? "undone" : "redone"), their change stays",
                                  kind: .error)
                return []
            }
            let undoes = i < step.eventIDs.count ? step.eventIDs[i] : nil
            if var draft = now.draft(to: goal, state: target.state, action: target.action, undoes: undoes) {
                draft.base = tracker.headIDs(state: target.state, action: target.action)
                drafts.append(draft)
            }
        }
        guard !drafts.isEmpty else {
            message = Message(kind == .undo ? "already undone" : "already redone", kind: .info)
            return []
        }
        undo.pending.append(.init(kind: kind, targets: step.targets, description: kind == .undo ? "undone" : "redone",
                                  original: step))
        message = Message(kind == .undo ? "undoing…" : "redoing…", kind: .info)
        return [.record(drafts)]
    }

    /// The runner wrote the events: fold them in and move the step onto the right stack.
    mutating func applySaved(_ events: [ChangeEvent]) {
        for event in events { tracker.record(event) }
        if undo.pending.isEmpty {
            message = Message("saved", kind: .success)
        } else {
            let pending = undo.pending.removeFirst()
            let ids = pending.targets.map { target in
                events.first { $0.state == target.state && $0.action == target.action }?.id
            }
            let done = UndoHistory.Step(targets: pending.targets, eventIDs: ids)
            switch pending.kind {
            case .edit:
                undo.undoStack.append(done)
                undo.redoStack = []
                message = Message("saved: \(pending.description)", kind: .success)
                if let warning = ownershipWarning(for: pending.targets.map(\.state)) {
                    message = Message("saved: \(pending.description) · \(warning)", kind: .info)
                }
            case .undo:
                undo.redoStack.append(done)
                message = Message("undone (saved as a compensating change; Ctrl-R redoes)", kind: .success)
            case .redo:
                undo.undoStack.append(done)
                message = Message("redone (saved)", kind: .success)
            }
        }
        refreshDerived()
    }

    /// The write failed: nothing was written, so the step is dropped and the error shown.
    mutating func failPendingSave(_ error: String) {
        if !undo.pending.isEmpty {
            let pending = undo.pending.removeFirst()
            switch (pending.kind, pending.original) {
            case (.undo, let step?): undo.undoStack.append(step)
            case (.redo, let step?): undo.redoStack.append(step)
            default: break
            }
        }
        message = Message("not saved: \(error)", kind: .error)
    }

    /// A colleague's change came first: nothing was written. The reloaded store (sent just before) shows
    /// their change; a note the user typed comes back in the editor, based on the new heads, so saving
    /// it again is a decision taken with the colleague's change in view.
    mutating func refusePendingSave(_ reason: String, drafts: [EventDraft]) {
        failPendingSave(reason)
        message = Message("not saved, a colleague was first: \(reason)", kind: .error)
        guard let typed = drafts.first(where: { $0.note != nil }), let note = typed.note else { return }
        let theirs = tracker.assessment(state: typed.state, action: typed.action)
        guard note != theirs.note else { return }
        mode = .noteEditor(NoteDraft(state: typed.state, action: typed.action, buffer: TextBuffer(note),
                                     base: tracker.headIDs(state: typed.state, action: typed.action)))
        let who = theirs.updatedBy.map { Sanitizer.line($0) } ?? "a colleague"
        message = Message("\(who) changed this note first; your text is kept here: Ctrl-S saves it over theirs, Ctrl-U takes theirs",
                          kind: .error)
    }
}
