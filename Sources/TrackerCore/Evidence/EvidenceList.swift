import ActionPlanModel
import TerminalKit

/// `E` on an action: its evidence references, to edit, remove or open one.
///
/// Removing and editing are ordinary changes (one event each, based on the action's heads, undoable
/// with `u`); opening hands the reference to `$BROWSER` or `xdg-open` through an effect, only when asked.
public struct EvidenceList: Equatable, Sendable {
    public var state: String
    public var action: String
    public var highlighted = 0

    public init(state: String, action: String) {
        self.state = state
        self.action = action
    }
}

extension AppState {
    /// The references of the list's action, as the store has them now.
    func references(_ list: EvidenceList) -> [String] {
        tracker.assessment(state: list.state, action: list.action).evidence
    }

    /// Commands while the evidence list is open.
    mutating func handleEvidenceList(_ list: EvidenceList, _ command: Command) -> [Effect] {
        var list = list
        let refs = references(list)
        guard !refs.isEmpty || command == .addEvidence else {
            mode = .browsing
            message = Message("no evidence on \(list.action) yet: e adds one", kind: .info)
            return []
        }
        let current = refs.isEmpty ? nil : refs[min(list.highlighted, refs.count - 1)]
        if [.removeEvidence, .activate, .addEvidence].contains(command), let reason = Command.removeEvidence.unavailableReason(in: self) {
            message = Message(reason, kind: .error)
            return []
        }
        switch command {
        case .moveUp: list.highlighted = max(0, list.highlighted - 1)
        case .moveDown: list.highlighted = min(max(0, refs.count - 1), list.highlighted + 1)
        case .removeEvidence:
            guard let current else { return [] }
            var after = tracker.assessment(state: list.state, action: list.action)
            after.evidence.removeAll { $0 == current }
            list.highlighted = max(0, min(list.highlighted, after.evidence.count - 1))
            mode = after.evidence.isEmpty ? .browsing : .evidenceList(list)
            return record([(list.action, after)], state: list.state, what: "evidence removed from \(list.action)")
        case .activate:
            guard let current else { return [] }
            mode = .evidenceInput(EvidenceDraft(state: list.state, action: list.action, input: LineInput(current), replacing: current))
            return []
        case .addEvidence:
            mode = .evidenceInput(EvidenceDraft(state: list.state, action: list.action))
            return []
        case .copyEvidence:
            guard let current else { return [] }
            mode = .evidenceList(list)
            return [.copy(current)]
        case .openEvidence:
            guard let current else { return [] }
            message = Message("opening \(current)…", kind: .info)
            mode = .evidenceList(list)
            return [.open(current)]
        default: break
        }
        mode = .evidenceList(list)
        return []
    }
}
