import ActionPlanModel
import TerminalKit

/// The key table and its lookup: the one place where a key becomes a command.
///
/// Lookup order: `.always` (Ctrl-C); then the open popup's bindings only (unbound keys go to its text
/// field, if it has one); otherwise the screen's bindings, then the global ones. Mouse events are keys
/// too: the table lists their kind, and a click carries its position into the command.
public enum Keymap {
    /// What a key means in a state.
    public enum Resolution: Equatable, Sendable {
        /// A binding matched; `command` is its command for this key (a click with its position).
        case command(Command, Binding)
        /// No binding, but the open text field takes the key.
        case text(Key)
        /// The key does nothing here.
        case unbound
    }

    /// Resolves `key` in `state` through the table.
    public static func resolve(_ key: Key, in state: AppState) -> Resolution {
        let pattern = key.pattern
        let contexts = contexts(for: state)
        for context in contexts {
            if let binding = state.keymap.first(where: { $0.context == context && $0.keys.contains(pattern) }) {
                return .command(binding.command(for: key), binding)
            }
        }
        if case .mouse = key { return .unbound }
        if contexts.contains(where: \.takesText) { return .text(key) }
        return .unbound
    }

    /// For tests: the command `key` means in `state`, `.key(key)` when a text field takes it, nil when unbound.
    static func command(for key: Key, in state: AppState) -> Command? {
        switch resolve(key, in: state) {
        case .command(let command, _): command
        case .text(let key): .key(key)
        case .unbound: nil
        }
    }

    /// The contexts consulted for `state`, most specific first.
    public static func contexts(for state: AppState) -> [KeyContext] {
        switch state.mode {
        case .statusPicker: return [.always, .statusPicker]
        case .noteEditor: return [.always, .noteEditor]
        case .evidenceInput, .search: return [.always, .lineInput]
        case .statePicker: return [.always, .statePicker]
        case .form: return [.always, .form]
        case .conflictChooser: return [.always, .conflictChooser]
        case .syncReport: return [.always, .syncReport]
        case .palette: return [.always, .palette]
        case .evidenceList: return [.always, .evidenceList]
        case .roundComparison: return [.always, .roundComparison]
        case .browsing: break
        }
        switch state.screen {
        case .tree: return [.always] + (state.search == nil ? [.tree] : [.searchResults, .tree]) + [.global]
        case .matrix: return [.always, .matrix, .global]
        case .dashboard: return [.always, .global]
        case .history: return [.always, .history, .global]
        case .help: return [.always, .help, .global]
        }
    }

    /// The bindings worth advertising in the footer for `state`, most specific first: those with a hint
    /// that work right now (`disabledReason` is nil) and whose keys a more specific context did not take.
    public static func hints(for state: AppState) -> [Binding] {
        var taken = Set<Key>()
        var hints: [Binding] = []
        for context in contexts(for: state) {
            let here = state.keymap.filter { $0.context == context }
            // A key bound by a more specific context (n while searching) hides the general hint.
            hints += here.filter { binding in
                binding.hint != nil && binding.disabledReason(in: state) == nil
                    && !binding.keys.contains(where: taken.contains)
            }
            for binding in here { taken.formUnion(binding.keys) }
        }
        return hints
    }

    /// The hints that fit in `width` columns (two spaces apart, one column of margin): the lowest ranks
    /// are chosen first, so help and quit never fall off; they are shown in table order.
    public static func footer(for state: AppState, width: Int) -> [Binding] {
        let candidates = hints(for: state)
        let byRank = candidates.indices.sorted { candidates[$0].rank != candidates[$1].rank
            ? candidates[$0].rank < candidates[$1].rank : $0 < $1 }
        var used = 1
        var chosen = Set<Int>()
        for index in byRank {
            let w = TextWidth.columns(of: candidates[index].footerText ?? "") + (chosen.isEmpty ? 0 : 2)
            guard used + w <= width else { continue }
            used += w
            chosen.insert(index)
        }
        return candidates.indices.filter(chosen.contains).map { candidates[$0] }
    }

    private static func c(_ character: Character) -> Key { .character(character) }
    private static let digits: [(Status, Character)] = Status.allCases.enumerated().map { ($1, Character(String($0 + 1))) }

    /// Every binding, grouped by context in the order the help shows them.
    public static let bindings: [Binding] = always + global + tree + searchResults + matrix + history + help + popups

    private static let always: [Binding] = [
        // Raw mode turns Ctrl-C into a key; it ends the program from any mode, as users expect.
        Binding(.always, [.control("c")], .quit, "quit at once (every change is already saved)"),
    ]

    private static let global: [Binding] = [
        Binding(.global, [.tab], .nextScreen, "next screen", hint: "screens", rank: 5),
        Binding(.global, [.backTab], .previousScreen, "previous screen"),
        Binding(.global, [c("1")], .switchScreen(.tree), "tree of pillars, areas and actions"),
        Binding(.global, [c("2")], .switchScreen(.matrix), "matrix of States × areas"),
        Binding(.global, [c("3")], .switchScreen(.dashboard), "dashboard"),
        Binding(.global, [c("4")], .switchScreen(.history), "history of changes"),
        Binding(.global, [c("?"), .function(1)], .switchScreen(.help), "this help", hint: "help", rank: 0),
        Binding(.global, [c(":")], .openPalette, "command palette: every command by name; state, export, screen, filter, view, save"),
        Binding(.global, [c("S")], .openStatePicker, "choose the State (type to filter)", hint: "State", rank: 3),
        Binding(.global, [c("[")], .previousState, "previous State"),
        Binding(.global, [c("]")], .nextState, "next State"),
        Binding(.global, [c("M")], .toggleMyStates, "my States: show only the States you follow (officers), or all again"),
        Binding(.global, [c("x")], .openExport, "export (CSV, JSON, Markdown, HTML, XLSX)", hint: "export", rank: 3),
        Binding(.global, [c("C")], .compareRounds, "compare two reporting rounds: improved, regressed, stayed, not reviewed"),
        Binding(.global, [c("y")], .sync, "sync with the other offices (git: commit, merge, push)", hint: "sync", rank: 6),
        Binding(.global, [c("u")], .undo, "undo your last change (a compensating event)"),
        Binding(.global, [.control("r")], .redo, "redo what you undid"),
        Binding(.global, [.escape], .back, "close, go back"),
        Binding(.global, [c("q")], .quit, "quit", hint: "quit", rank: 0),
        Binding(.global, [.up, c("k")], .moveUp, "move up"),
        Binding(.global, [.down, c("j")], .moveDown, "move down"),
        Binding(.global, [.pageUp], .pageUp, "page up"),
        Binding(.global, [.pageDown], .pageDown, "page down"),
        Binding(.global, [c("g"), .home], .top, "first row"),
        Binding(.global, [c("G"), .end], .bottom, "last row"),
        Binding(.global, [.click], .click(Position(x: 0, y: 0)), "select the row or screen tab clicked"),
        Binding(.global, [.wheelUp], .scroll(-3), "scroll up"),
        Binding(.global, [.wheelDown], .scroll(3), "scroll down"),
    ]

    private static let tree: [Binding] = [
        Binding(.tree, [.enter, .right, c("l")], .activate, "expand (on an open node: first child)", hint: "open", rank: 2),
        Binding(.tree, [.left, c("h")], .moveLeft, "collapse, or go to the parent"),
        Binding(.tree, [c("s")], .openStatusPicker, "set the status (of all marked actions, if any)", hint: "status", rank: 1),
        Binding(.tree, [c("n")], .editNote, "edit the note", hint: "note", rank: 1),
        Binding(.tree, [c("e")], .addEvidence, "add an evidence reference", hint: "evidence", rank: 2),
        Binding(.tree, [c("E")], .manageEvidence, "the evidence list: edit, remove or open a reference"),
        Binding(.tree, [c("d")], .editFollowUp, "set or clear the follow-up date and owner", hint: "follow-up", rank: 7),
        Binding(.tree, [c("R")], .resolveConflict, "resolve the conflict (≠): keep one side, or set a new status or note", hint: "resolve", rank: 1),
        Binding(.tree, [c(" ")], .toggleMark, "mark or unmark (a pillar or area marks its actions)", hint: "mark", rank: 3),
        Binding(.tree, [c("/")], .startSearch, "search ids, titles, summaries and notes", hint: "search", rank: 2),
        Binding(.tree, [c("f")], .openFilter, "filter by status, pillar, tag, changed since", hint: "filter", rank: 4),
        Binding(.tree, [c("F")], .clearFilter, "clear the filter"),
        Binding(.tree, [c("r")], .toggleNotReviewed, "only actions not reviewed this round (no event since it opened); again to show all"),
        Binding(.tree, [c("J")], .scrollDetails(3), "scroll the details pane down (long summaries and notes)"),
        Binding(.tree, [c("K")], .scrollDetails(-3), "scroll the details pane up"),
    ]

    private static let searchResults: [Binding] = [
        Binding(.searchResults, [c("n")], .nextMatch, "next match", hint: "next match", rank: 1),
        Binding(.searchResults, [c("N")], .previousMatch, "previous match"),
        Binding(.searchResults, [.escape], .back, "end the search (n edits notes again)", hint: "end search", rank: 1),
    ]

    private static let matrix: [Binding] = [
        Binding(.matrix, [.left, c("h")], .moveLeft, "column to the left"),
        Binding(.matrix, [.right, c("l")], .moveRight, "column to the right"),
        Binding(.matrix, [.enter], .activate, "drill into the area's actions; on an action, open it in the tree", hint: "drill", rank: 1),
        Binding(.matrix, [.escape, .backspace], .back, "back to the areas", hint: "up", rank: 1),
        Binding(.matrix, [c("o")], .toggleSort, "sort States by name or by progress", hint: "sort", rank: 2),
    ]

    private static let history: [Binding] = [
        Binding(.history, [.enter], .activate, "open the change's action in the tree, for its State", hint: "open", rank: 1),
        Binding(.history, [c("f")], .openFilter, "filter by State, action, author, date", hint: "filter", rank: 1),
        Binding(.history, [c("F")], .clearFilter, "clear the filter"),
    ]

    private static let help: [Binding] = [
        Binding(.help, [.escape], .back, "back to the previous screen", hint: "back", rank: 0),
    ]

    private static let popups: [Binding] = [
        Binding(.statusPicker, [.up, c("k")], .moveUp, "previous status"),
        Binding(.statusPicker, [.down, c("j")], .moveDown, "next status"),
        Binding(.statusPicker, [.enter], .activate, "set the highlighted status", hint: "set", rank: 0),
    ] + digits.map { status, digit in
        Binding(.statusPicker, [.character(digit)], .pickStatus(status), "set “\(status.label)”")
    } + [
        Binding(.statusPicker, [.escape], .back, "cancel", hint: "cancel", rank: 0),
        Binding(.noteEditor, [.control("s")], .save, "save the note", hint: "save", rank: 0),
        Binding(.noteEditor, [.escape], .back, "close without saving; the draft is kept and n reopens it", hint: "close", rank: 0),
        Binding(.noteEditor, [.control("u")], .discardDraft, "drop the draft: back to the saved note"),
        Binding(.lineInput, [.enter], .activate, "accept", hint: "accept", rank: 0),
        Binding(.lineInput, [.escape], .back, "cancel", hint: "cancel", rank: 0),
        Binding(.statePicker, [.up], .moveUp, "previous State"),
        Binding(.statePicker, [.down], .moveDown, "next State"),
        Binding(.statePicker, [.pageUp], .pageUp, "a page of States up"),
        Binding(.statePicker, [.pageDown], .pageDown, "a page of States down"),
        Binding(.statePicker, [.enter], .activate, "choose the highlighted State", hint: "choose", rank: 0),
        Binding(.statePicker, [.escape], .back, "cancel", hint: "cancel", rank: 0),
        Binding(.form, [.tab, .down], .nextField, "next field", hint: "field", rank: 0),
        Binding(.form, [.backTab, .up], .previousField, "previous field"),
        Binding(.form, [.enter], .activate, "apply", hint: "apply", rank: 0),
        Binding(.form, [.escape], .back, "cancel", hint: "cancel", rank: 0),
        Binding(.conflictChooser, [.up, c("k")], .moveUp, "previous choice"),
        Binding(.conflictChooser, [.down, c("j")], .moveDown, "next choice"),
        Binding(.conflictChooser, [.enter], .activate, "keep the highlighted side, or open the status picker or note editor", hint: "choose", rank: 0),
        Binding(.conflictChooser, [.escape], .back, "decide later (the conflict stays)", hint: "later", rank: 0),
        Binding(.syncReport, [.enter, .escape], .back, "close the report", hint: "close", rank: 0),
        Binding(.evidenceList, [.up, c("k")], .moveUp, "previous reference"),
        Binding(.evidenceList, [.down, c("j")], .moveDown, "next reference"),
        Binding(.evidenceList, [.enter], .activate, "edit the highlighted reference", hint: "edit", rank: 0),
        Binding(.evidenceList, [c("d"), .delete], .removeEvidence, "remove the highlighted reference (u undoes)", hint: "remove", rank: 0),
        Binding(.evidenceList, [c("o")], .openEvidence, "open it ($BROWSER, else xdg-open)", hint: "open", rank: 0),
        Binding(.evidenceList, [c("c")], .copyEvidence, "copy it to the clipboard (OSC 52)", hint: "copy", rank: 1),
        Binding(.evidenceList, [c("e")], .addEvidence, "add another reference"),
        Binding(.evidenceList, [.escape], .back, "close the list", hint: "close", rank: 0),
        Binding(.roundComparison, [.up, c("k")], .moveUp, "scroll up"),
        Binding(.roundComparison, [.down, c("j")], .moveDown, "scroll down"),
        Binding(.roundComparison, [.pageUp], .pageUp, "a page up"),
        Binding(.roundComparison, [.pageDown], .pageDown, "a page down"),
        Binding(.roundComparison, [c("a")], .cycleRoundA, "the next round as A", hint: "round A", rank: 0),
        Binding(.roundComparison, [c("b")], .cycleRoundB, "the next round as B", hint: "round B", rank: 0),
        Binding(.roundComparison, [.escape], .back, "close the comparison", hint: "close", rank: 0),
        Binding(.palette, [.up], .moveUp, "previous command"),
        Binding(.palette, [.down], .moveDown, "next command"),
        Binding(.palette, [.enter], .activate, "run the highlighted command", hint: "run", rank: 0),
        Binding(.palette, [.escape], .back, "close the palette", hint: "close", rank: 0),
    ]
}
