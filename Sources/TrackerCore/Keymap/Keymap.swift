import ActionPlanModel

/// The key table and its lookup.
///
/// Lookup order: the open popup's bindings only (unbound keys go to its text field, if it has one);
/// otherwise the screen's bindings, then the global ones. Mouse events are mapped by kind, since their
/// position is data rather than a key.
public enum Keymap {
    /// The command `key` means in `state`: `.key(key)` when a text field should receive it, nil when unbound.
    public static func command(for key: Key, in state: AppState) -> Command? {
        if case .mouse(let event) = key {
            guard !state.mode.isPopup else { return nil }
            switch event.kind {
            case .click: return .click(event.position)
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            }
        }
        let contexts = contexts(for: state)
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        if let first = contexts.first, first.takesText { return .key(key) }
        return nil
    }

    /// The contexts consulted for `state`, most specific first.
    public static func contexts(for state: AppState) -> [KeyContext] {
        switch state.mode {
        case .statusPicker: return [.statusPicker]
        case .noteEditor: return [.noteEditor]
        case .evidenceInput, .search: return [.lineInput]
        case .statePicker: return [.statePicker]
        case .form: return [.form]
        case .browsing: break
        }
        switch state.screen {
        case .tree: return (state.search == nil ? [.tree] : [.searchResults, .tree]) + [.global]
        case .matrix: return [.matrix, .global]
        case .dashboard: return [.global]
        case .history: return [.history, .global]
        case .help: return [.help, .global]
        }
    }

    /// The bindings to advertise in the footer for `state`, most specific first; editing keys are left
    /// out of a read-only session and under "All States", where they would only explain a refusal.
    public static func hints(for state: AppState) -> [Binding] {
        let cannotEdit = state.options.readOnly || state.selection == .all
        var taken = Set<Key>()
        var hints: [Binding] = []
        for context in contexts(for: state) {
            let here = bindings.filter { $0.context == context }
            // A key bound by a more specific context (n while searching) hides the general hint.
            hints += here.filter { binding in
                binding.hint != nil && !(cannotEdit && binding.command.isEditing)
                    && !binding.keys.contains(where: taken.contains)
            }
            for binding in here { taken.formUnion(binding.keys) }
        }
        return hints
    }

    private static func c(_ character: Character) -> Key { .character(character) }
    private static let digits: [(Status, Character)] = Status.allCases.enumerated().map { ($1, Character(String($0 + 1))) }

    /// Every binding, grouped by context in the order the help shows them.
    public static let bindings: [Binding] = global + tree + searchResults + matrix + history + help + popups

    private static let global: [Binding] = [
        Binding(.global, [.tab], "Tab", .nextScreen, "next screen", hint: "Tab screens"),
        Binding(.global, [.backTab], "Shift-Tab", .previousScreen, "previous screen"),
        Binding(.global, [c("1")], "1", .switchScreen(.tree), "tree of pillars, areas and actions"),
        Binding(.global, [c("2")], "2", .switchScreen(.matrix), "matrix of States × areas"),
        Binding(.global, [c("3")], "3", .switchScreen(.dashboard), "dashboard"),
        Binding(.global, [c("4")], "4", .switchScreen(.history), "history of changes"),
        Binding(.global, [c("?"), .function(1)], "? F1", .switchScreen(.help), "this help", hint: "? help"),
        Binding(.global, [c("S")], "S", .openStatePicker, "choose the State (type to filter)", hint: "S State"),
        Binding(.global, [c("[")], "[", .previousState, "previous State"),
        Binding(.global, [c("]")], "]", .nextState, "next State", hint: "[ ] State"),
        Binding(.global, [c("x")], "x", .openExport, "export (CSV, JSON, Markdown, HTML)", hint: "x export"),
        Binding(.global, [c("u")], "u", .undo, "undo your last change (a compensating event)"),
        Binding(.global, [.control("r")], "Ctrl-R", .redo, "redo what you undid"),
        Binding(.global, [.escape], "Esc", .back, "close, go back"),
        Binding(.global, [c("q")], "q", .quit, "quit", hint: "q quit"),
        Binding(.global, [.up, c("k")], "↑ k", .moveUp, "move up"),
        Binding(.global, [.down, c("j")], "↓ j", .moveDown, "move down"),
        Binding(.global, [.pageUp], "PgUp", .pageUp, "page up"),
        Binding(.global, [.pageDown], "PgDn", .pageDown, "page down"),
        Binding(.global, [c("g"), .home], "g Home", .top, "first row"),
        Binding(.global, [c("G"), .end], "G End", .bottom, "last row"),
    ]

    private static let tree: [Binding] = [
        Binding(.tree, [.enter, .right, c("l")], "Enter → l", .activate, "expand (on an open node: first child)", hint: "Enter open"),
        Binding(.tree, [.left, c("h")], "← h", .moveLeft, "collapse, or go to the parent"),
        Binding(.tree, [c("s")], "s", .openStatusPicker, "set the status (of all marked actions, if any)", hint: "s status"),
        Binding(.tree, [c("n")], "n", .editNote, "edit the note", hint: "n note"),
        Binding(.tree, [c("e")], "e", .addEvidence, "add an evidence reference", hint: "e evidence"),
        Binding(.tree, [c(" ")], "Space", .toggleMark, "mark or unmark (a pillar or area marks its actions)", hint: "Space mark"),
        Binding(.tree, [c("/")], "/", .startSearch, "search ids, titles, summaries and notes", hint: "/ search"),
        Binding(.tree, [c("f")], "f", .openFilter, "filter by status, pillar, tag, changed since", hint: "f filter"),
        Binding(.tree, [c("F")], "F", .clearFilter, "clear the filter"),
    ]

    private static let searchResults: [Binding] = [
        Binding(.searchResults, [c("n")], "n", .nextMatch, "next match", hint: "n/N match"),
        Binding(.searchResults, [c("N")], "N", .previousMatch, "previous match"),
        Binding(.searchResults, [.escape], "Esc", .back, "end the search (n edits notes again)", hint: "Esc end search"),
    ]

    private static let matrix: [Binding] = [
        Binding(.matrix, [.left, c("h")], "← h", .moveLeft, "column to the left"),
        Binding(.matrix, [.right, c("l")], "→ l", .moveRight, "column to the right"),
        Binding(.matrix, [.enter], "Enter", .activate, "drill into the area's actions; on an action, open it in the tree", hint: "Enter drill"),
        Binding(.matrix, [.escape, .backspace], "Esc Backspace", .back, "back to the areas", hint: "Esc up"),
        Binding(.matrix, [c("o")], "o", .toggleSort, "sort States by name or by progress", hint: "o sort"),
    ]

    private static let history: [Binding] = [
        Binding(.history, [.enter], "Enter", .activate, "open the change's action in the tree, for its State", hint: "Enter open"),
        Binding(.history, [c("f")], "f", .openFilter, "filter by State, action, author, date", hint: "f filter"),
        Binding(.history, [c("F")], "F", .clearFilter, "clear the filter"),
    ]

    private static let help: [Binding] = [
        Binding(.help, [.escape], "Esc", .back, "back to the previous screen", hint: "Esc back"),
    ]

    private static let popups: [Binding] = [
        Binding(.statusPicker, [.up, c("k")], "↑ k", .moveUp, "previous status"),
        Binding(.statusPicker, [.down, c("j")], "↓ j", .moveDown, "next status"),
        Binding(.statusPicker, [.enter], "Enter", .activate, "set the highlighted status", hint: "Enter set"),
    ] + digits.map { status, digit in
        Binding(.statusPicker, [.character(digit)], String(digit), .pickStatus(status), "set “\(status.label)”")
    } + [
        Binding(.statusPicker, [.escape], "Esc", .back, "cancel", hint: "Esc cancel"),
        Binding(.noteEditor, [.control("s")], "Ctrl-S", .save, "save the note", hint: "Ctrl-S save"),
        Binding(.noteEditor, [.escape], "Esc", .back, "cancel, keep the old note", hint: "Esc cancel"),
        Binding(.lineInput, [.enter], "Enter", .activate, "accept", hint: "Enter accept"),
        Binding(.lineInput, [.escape], "Esc", .back, "cancel", hint: "Esc cancel"),
        Binding(.statePicker, [.up], "↑", .moveUp, "previous State"),
        Binding(.statePicker, [.down], "↓", .moveDown, "next State"),
        Binding(.statePicker, [.pageUp], "PgUp", .pageUp, "a page of States up"),
        Binding(.statePicker, [.pageDown], "PgDn", .pageDown, "a page of States down"),
        Binding(.statePicker, [.enter], "Enter", .activate, "choose the highlighted State", hint: "Enter choose"),
        Binding(.statePicker, [.escape], "Esc", .back, "cancel", hint: "Esc cancel"),
        Binding(.form, [.tab, .down], "Tab ↓", .nextField, "next field", hint: "Tab field"),
        Binding(.form, [.backTab, .up], "Shift-Tab ↑", .previousField, "previous field"),
        Binding(.form, [.enter], "Enter", .activate, "apply", hint: "Enter apply"),
        Binding(.form, [.escape], "Esc", .back, "cancel", hint: "Esc cancel"),
    ]
}
