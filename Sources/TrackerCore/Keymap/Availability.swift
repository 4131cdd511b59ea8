import ActionPlanModel

extension Command {
    /// Why this command does nothing in `state`, or nil when it works: the one rule behind a binding's
    /// refusal message, its absence from the footer and its note on the help screen.
    ///
    /// Checked in order of what the user can do about it: a read-only session first (nothing helps),
    /// then "All States" (choose one), then what the cursor is on.
    public func unavailableReason(in state: AppState) -> String? {
        switch self {
        case .openStatusPicker, .editNote, .addEvidence, .removeEvidence, .toggleMark, .undo, .redo, .resolveConflict, .sync, .editFollowUp:
            if state.options.readOnly { return "read-only: " + (state.options.readOnlyReason ?? "this session cannot edit") }
        default:
            break
        }
        switch self {
        case .undo: return state.undo.undoStack.isEmpty ? "nothing to undo" : nil
        case .resolveConflict:
            guard let code = state.selection.code else { return "choose a State first (S): conflicts belong to one State" }
            guard let id = state.tree.selectedNode?.actionID else { return "select an action marked ≠" }
            return state.tracker.journal(code).isConflicted(id) ? nil : "no conflict on " + id + ": nothing to resolve"
        case .redo: return state.undo.redoStack.isEmpty ? "nothing to redo" : nil
        case .nextMatch, .previousMatch: return state.search?.matches.isEmpty ?? true ? "no matches" : nil
        case .removeEvidence: return nil
        case .toggleNotReviewed:
            return state.rounds.current == nil && !state.filter.notReviewed
                ? "no round is open (actionplan round open NAME --due YYYY-MM-DD)" : nil
        case .compareRounds:
            return state.rounds.rounds.count < 2
                ? "comparing needs two rounds; the store has \(state.rounds.rounds.count) (actionplan round list)" : nil
        case .manageEvidence:
            guard state.selection.code != nil else { return "choose a State first (S): evidence belongs to one State" }
            guard let id = state.tree.selectedNode?.actionID else { return "evidence belongs to actions: select one" }
            return state.tracker.catalog.action(id: id)?.isTrackable == false
                ? "\(id) is addressed to OSCE structures and is not tracked per State" : nil
        case .toggleMyStates:
            guard let user = state.options.user, let officer = state.roster.officer(named: user) else {
                return "you are not a listed officer (\(state.options.user ?? "no user")); see `actionplan officers`"
            }
            return officer.states.isEmpty ? "\(officer.name) follows no States yet (`actionplan officers assign`)" : nil
        case .openStatusPicker, .editNote, .addEvidence, .toggleMark, .editFollowUp:
            guard state.selection.code != nil else { return "choose a State first (S): “All States” cannot be edited" }
            if self == .openStatusPicker, !state.marks.isEmpty { return nil }
            guard let node = state.tree.selectedNode else { return "nothing selected" }
            guard let id = node.actionID else {
                switch self {
                case .openStatusPicker: return "select an action, or mark some with Space"
                case .editNote: return "notes belong to actions: select one"
                case .addEvidence: return "evidence belongs to actions: select one"
                case .editFollowUp: return "follow-ups belong to actions: select one"
                default: return nil
                }
            }
            if state.tracker.catalog.action(id: id)?.isTrackable == false {
                return "\(id) is addressed to OSCE structures and is not tracked per State"
            }
            return nil
        default:
            return nil
        }
    }
}
