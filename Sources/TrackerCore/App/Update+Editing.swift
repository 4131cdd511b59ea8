import ActionPlanModel

extension AppState {
    /// The editing keys: open the status picker, the note editor, the evidence prompt; mark; undo; redo.
    mutating func edit(_ command: Command) -> [Effect] {
        switch command {
        case .undo: return undoLast()
        case .redo: return redoLast()
        default: break
        }
        guard screen == .tree else {
            message = Message("editing happens in the tree (press 1)", kind: .info)
            return []
        }
        guard let code = selection.code else {
            message = Message("choose a State first (S): “All States” cannot be edited", kind: .error)
            return []
        }
        if let action = selectedAction, !action.isTrackable, command != .toggleMark {
            message = Message("\(action.id) is addressed to OSCE structures and is not tracked per State", kind: .info)
            return []
        }
        switch command {
        case .toggleMark: toggleMark()
        case .openStatusPicker:
            let targets = marks.isEmpty ? selectedAction.map { [$0.id] } ?? [] : orderedMarks
            guard !targets.isEmpty else {
                message = Message("select an action, or mark some with Space", kind: .info)
                return []
            }
            let current = tracker.assessment(state: code, action: targets[0]).status
            mode = .statusPicker(StatusPicker(state: code, actions: targets, highlighted: current))
        case .editNote:
            guard let action = selectedAction else {
                message = Message("notes belong to actions: select one", kind: .info)
                return []
            }
            let note = tracker.assessment(state: code, action: action.id).note
            mode = .noteEditor(NoteDraft(state: code, action: action.id, buffer: TextBuffer(note)))
        case .addEvidence:
            guard let action = selectedAction else {
                message = Message("evidence belongs to actions: select one", kind: .info)
                return []
            }
            mode = .evidenceInput(EvidenceDraft(state: code, action: action.id))
        default: break
        }
        return []
    }

    /// Marked actions in catalog order, so a bulk change writes its events in a stable order.
    var orderedMarks: [String] {
        tracker.catalog.allActions.map(\.id).filter { marks.contains($0) }
    }

    private mutating func toggleMark() {
        guard let item = tree.selectedItem else { return }
        let actions: [String]
        switch item.id {
        case .action(let id): actions = tracker.catalog.action(id: id)?.isTrackable == false ? [] : [id]
        case .area(let id): actions = tracker.catalog.area(id: id)?.actions.filter { passesFilter($0) && $0.isTrackable }.map(\.id) ?? []
        case .pillar(let id): actions = tracker.catalog.pillar(id: id)?.actions.filter { passesFilter($0) && $0.isTrackable }.map(\.id) ?? []
        }
        if actions.allSatisfy(marks.contains) { marks.subtract(actions) } else { marks.formUnion(actions) }
        if case .action = item.id { tree.move(.down) }
        message = Message(marks.isEmpty ? "no marks" : "\(marks.count) marked; s sets their status", kind: .info)
    }

    /// Builds the drafts of an edit, remembers the before/after values for undo, and asks the runner to save.
    mutating func record(_ changes: [(action: String, after: Assessment)], state code: String, what: String) -> [Effect] {
        var drafts: [EventDraft] = []
        var targets: [UndoHistory.Target] = []
        for change in changes {
            let before = tracker.assessment(state: code, action: change.action)
            guard let draft = before.draft(to: change.after, state: code, action: change.action, undoes: nil) else { continue }
            drafts.append(draft)
            targets.append(.init(state: code, action: change.action, before: before, after: change.after))
        }
        guard !drafts.isEmpty else {
            message = Message("nothing changed", kind: .info)
            return []
        }
        undo.pending.append(.init(kind: .edit, targets: targets, description: what, original: nil))
        message = Message("saving…", kind: .info)
        return [.record(drafts)]
    }

    private mutating func undoLast() -> [Effect] {
        guard let step = undo.undoStack.last else {
            message = Message("nothing to undo", kind: .info)
            return []
        }
        var drafts: [EventDraft] = []
        for (i, target) in step.targets.enumerated() {
            let now = tracker.assessment(state: target.state, action: target.action)
            let undoes = i < step.eventIDs.count ? step.eventIDs[i] : nil
            if let draft = now.draft(to: target.before, state: target.state, action: target.action, undoes: undoes) {
                drafts.append(draft)
            }
        }
        undo.undoStack.removeLast()
        guard !drafts.isEmpty else {
            message = Message("already undone", kind: .info)
            return []
        }
        undo.pending.append(.init(kind: .undo, targets: step.targets, description: "undone", original: step))
        message = Message("undoing…", kind: .info)
        return [.record(drafts)]
    }

    private mutating func redoLast() -> [Effect] {
        guard let step = undo.redoStack.last else {
            message = Message("nothing to redo", kind: .info)
            return []
        }
        var drafts: [EventDraft] = []
        for (i, target) in step.targets.enumerated() {
            let now = tracker.assessment(state: target.state, action: target.action)
            let undoes = i < step.eventIDs.count ? step.eventIDs[i] : nil
            if let draft = now.draft(to: target.after, state: target.state, action: target.action, undoes: undoes) {
                drafts.append(draft)
            }
        }
        undo.redoStack.removeLast()
        guard !drafts.isEmpty else {
            message = Message("already redone", kind: .info)
            return []
        }
        undo.pending.append(.init(kind: .redo, targets: step.targets, description: "redone", original: step))
        message = Message("redoing…", kind: .info)
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
}
