import TerminalKit
/// One row of the key table: which keys, in which context, run which command, described how.
///
/// The same rows drive dispatch (`Keymap.resolve`), the footer hints, the `?` screen and the key list of
/// the user guide, so they can never disagree. What people read is derived from the keys themselves
/// (`label`, `footerText`), and why a binding does nothing right now is one rule (`disabledReason`).
public struct Binding: Equatable, Sendable {
    public var context: KeyContext
    public var keys: [Key]
    public var command: Command
    public var help: String
    /// The footer's word for the command ("status" after "s"); nil keeps the binding out of the footer.
    public var hint: String?
    /// Which hints stay when the footer is short of room: lower ranks win (0 = always shown).
    public var rank: Int

    public init(_ context: KeyContext, _ keys: [Key], _ command: Command, _ help: String,
                hint: String? = nil, rank: Int = 5) {
        self.context = context
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        self.rank = rank
    }

    /// How the keys are written for people: "↑ k", "Ctrl-R", "? F1".
    public var label: String { keys.map(\.label).joined(separator: " ") }

    /// "s status": the first key and the hint, as the footer shows it.
    public var footerText: String? { hint.map { (keys.first?.label ?? "") + " " + $0 } }

    /// Why this binding does nothing in `state` (read-only, no State, untracked action, nothing marked),
    /// or nil when it works. The refusal message, the footer and the help all use this one answer.
    public func disabledReason(in state: AppState) -> String? {
        command.unavailableReason(in: state)
    }

    /// The command for the key that matched: a click carries the position it happened at.
    func command(for key: Key) -> Command {
        if case .mouse(let event) = key, case .click = command { return .click(event.position) }
        return command
    }
}

/// Where a binding applies. `.always` is consulted first in every mode; popups take every other key;
/// screens fall back to `.global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case always
    case global
    case tree
    case searchResults
    case matrix
    case history
    case help
    case statusPicker
    case noteEditor
    case lineInput
    case statePicker
    case form
    case conflictChooser
    case syncReport
    case palette
    case evidenceList
    case roundComparison

    /// The heading used in the help screen and the user guide.
    public var title: String {
        switch self {
        case .always: "Always, even in dialogs"
        case .global: "Everywhere"
        case .tree: "Tree"
        case .searchResults: "Tree, while a search is active"
        case .matrix: "Matrix"
        case .history: "History"
        case .help: "Help"
        case .statusPicker: "Status picker"
        case .noteEditor: "Note editor"
        case .lineInput: "Search and evidence prompts"
        case .statePicker: "State picker"
        case .form: "Filter and export dialogs"
        case .conflictChooser: "Resolving a conflict"
        case .syncReport: "Sync report"
        case .palette: "Command palette"
        case .evidenceList: "Evidence list"
        case .roundComparison: "Comparing rounds"
        }
    }

    /// Whether keys without a binding are typed into a text field.
    var takesText: Bool {
        switch self {
        case .noteEditor, .lineInput, .statePicker, .form, .palette: true
        default: false
        }
    }
}

extension Key {
    /// The pattern a binding lists for a mouse event: its kind, at no particular position.
    public static let click = Key.mouse(MouseEvent(kind: .click, position: Position(x: 0, y: 0)))
    public static let wheelUp = Key.mouse(MouseEvent(kind: .wheelUp, position: Position(x: 0, y: 0)))
    public static let wheelDown = Key.mouse(MouseEvent(kind: .wheelDown, position: Position(x: 0, y: 0)))

    /// The key as the table lists it: a mouse event without its position, everything else unchanged.
    var pattern: Key {
        if case .mouse(let event) = self { return .mouse(MouseEvent(kind: event.kind, position: Position(x: 0, y: 0))) }
        return self
    }

    /// How a key is written in the help: "Enter", "Ctrl-R", "PgDn", "x".
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .function(let n): "F\(n)"
        case .mouse(let event):
            switch event.kind {
            case .click: "click"
            case .wheelUp: "wheel-up"
            case .wheelDown: "wheel-down"
            }
        case .paste: "paste"
        }
    }
}
