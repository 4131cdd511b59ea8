import ActionPlanModel

extension AppState {
    /// The editing keys: open the status picker, the note editor, the evidence prompt; mark; undo; redo.
    mutating func edit(_ command: Command) -> [Effect] {
        switch command {
        case .undo: return undoLast()
        case .redo: return redoLast()
        default: break
        }
        // Read-only, "All States", untracked actions and empty selections were refused before this
        // (`Command.unavailableReason`), so a State and, for notes and evidence, an action are here.
        guard let code = selection.code else { return [] }
        switch command {
        case .toggleMark: toggleMark()
        case .openStatusPicker:
            let targets = marks.isEmpty ? selectedAction.map { [$0.id] } ?? [] : orderedMarks
            guard !targets.isEmpty else { return [] }
            let current = tracker.assessment(state: code, action: targets[0]).status
            mode = .statusPicker(StatusPicker(state: code, actions: targets, highlighted: current))
        case .editNote:
            guard let action = selectedAction else { return [] }
            let note = tracker.assessment(state: code, action: action.id).note
            let key = Self.draftKey(code, action.id)
            if let kept = noteDrafts[key] {
                mode = .noteEditor(NoteDraft(state: code, action: action.id, buffer: kept,
                                             base: noteDraftBases[key] ?? tracker.headIDs(state: code, action: action.id)))
                message = Message("your unsaved draft is back: Ctrl-S saves it, Ctrl-U drops it", kind: .info)
            } else {
                mode = .noteEditor(NoteDraft(state: code, action: action.id, buffer: TextBuffer(note),
                                             base: tracker.headIDs(state: code, action: action.id)))
            }
        case .addEvidence:
            guard let action = selectedAction else { return [] }
            mode = .evidenceInput(EvidenceDraft(state: code, action: action.id))
        case .editFollowUp:
            guard let action = selectedAction else { return [] }
            mode = .form(followUpForm(state: code, action: action.id))
        default: break
        }
        return []
    }

    /// The key of a kept note draft.
    static func draftKey(_ state: String, _ action: String) -> String { state + "/" + action }

    /// Esc in the note editor: the draft is kept (not discarded without asking) when it differs from the
    /// saved note, and offered again the next time the editor opens on that action.
    mutating func closeNoteEditor(_ draft: NoteDraft) {
        let key = Self.draftKey(draft.state, draft.action)
        if draft.buffer.text == tracker.assessment(state: draft.state, action: draft.action).note {
            noteDrafts[key] = nil
            noteDraftBases[key] = nil
        } else {
            noteDrafts[key] = draft.buffer
            noteDraftBases[key] = draft.base
            message = Message("draft kept, not saved: n reopens it", kind: .info)
        }
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
    ///
    /// Each draft is based on the action's heads as this session shows them (or, for a note, as they were
    /// when the editor opened: `bases`), so the store refuses it if a colleague changed the action
    /// first. On an action in conflict the draft is based on every head and states its status, so it
    /// resolves the conflict.
    mutating func record(_ changes: [(action: String, after: Assessment)], state code: String, what: String,
                         bases: [String: [String]] = [:]) -> [Effect] {
        var drafts: [EventDraft] = []
        var targets: [UndoHistory.Target] = []
        for change in changes {
            let before = tracker.assessment(state: code, action: change.action)
            let conflicted = tracker.journal(code).isConflicted(change.action)
            var draft = before.draft(to: change.after, state: code, action: change.action, undoes: nil)
            if conflicted {
                draft = draft ?? EventDraft(state: code, action: change.action)
                draft?.status = change.after.status
            }
            guard var draft else { continue }
            draft.base = bases[change.action] ?? tracker.headIDs(state: code, action: change.action)
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
}
