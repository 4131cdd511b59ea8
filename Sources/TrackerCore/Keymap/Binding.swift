/// One row of the key table: which keys, in which context, run which command, described how.
///
/// The same rows drive dispatch (`Keymap.command`), the footer hints, the `?` screen and the key list of
/// the user guide, so the three can never disagree.
public struct Binding: Equatable, Sendable {
    public var context: KeyContext
    public var keys: [Key]
    /// How the keys are written for people: "↑ k", "Ctrl-R".
    public var label: String
    public var command: Command
    public var help: String
    /// The short footer text; nil keeps the binding out of the footer.
    public var hint: String?

    public init(_ context: KeyContext, _ keys: [Key], _ label: String, _ command: Command, _ help: String,
                hint: String? = nil) {
        self.context = context
        self.keys = keys
        self.label = label
        self.command = command
        self.help = help
        self.hint = hint
    }
}

/// Where a binding applies. Popups take every key; screens fall back to `.global`.
public enum KeyContext: String, CaseIterable, Sendable {
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

    /// The heading used in the help screen and the user guide.
    public var title: String {
        switch self {
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
        }
    }

    /// Whether keys without a binding are typed into a text field.
    var takesText: Bool {
        switch self {
        case .noteEditor, .lineInput, .statePicker, .form: true
        default: false
        }
    }

    /// Whether this is a popup context (no fallback to screen or global keys).
    var isPopup: Bool {
        switch self {
        case .statusPicker, .noteEditor, .lineInput, .statePicker, .form: true
        default: false
        }
    }
}

extension Key {
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
        case .mouse: "mouse"
        case .paste: "paste"
        }
    }
}
