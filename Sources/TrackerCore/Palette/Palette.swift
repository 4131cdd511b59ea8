import ActionPlanModel
import TerminalKit

/// The command palette (`:`): every command of the key table that applies here, found by typing.
///
/// The entries come from `Keymap.bindings` (the contexts the current screen consults), so the palette,
/// the help screen and the footer list the same commands with the same keys and the same disabled
/// reasons. A few entries take an argument after their word: `state at`, `export html`, `screen matrix`.
public struct Palette: Equatable, Sendable {
    public var query = LineInput()
    public var highlighted = 0

    public init() {}

    /// One line of the palette.
    public struct Entry: Equatable, Sendable {
        /// What is shown and searched: the binding's help text, or "state AT  Austria".
        public var title: String
        /// The keys that run it without the palette ("" for argument entries).
        public var keys: String
        public var command: PaletteCommand
    }

    /// What Enter on an entry does.
    public enum PaletteCommand: Equatable, Sendable {
        /// A command of the key table.
        case run(Command)
        /// Choose a State.
        case selectState(StateSelection)
        /// Open the export dialog with this format chosen.
        case export(ExportFormat)
        /// A word that needs an argument: Enter types the word, and the list shows the choices.
        case word(String)
        /// Show a saved view.
        case view(SavedView)
        /// Filter the tree (nil: clear the filter).
        case filter(TreeFilter?)
        /// Save what is shown as a shared view of this name.
        case saveView(String)
    }

    /// The words that take an argument, with what they do (shown when nothing is typed after them).
    static let argumentWords: [(word: String, help: String)] = [
        ("state", "state NAME: choose the State (code or name)"),
        ("export", "export FORMAT: open the export dialog with the format chosen (csv, json, markdown, html, xlsx)"),
        ("screen", "screen NAME: go to the tree, matrix, dashboard, history or help"),
        ("view", "view NAME: show a saved view (screen, State, filter, sort)"),
        ("filter", "filter tag|status|pillar VALUE: filter the tree (filter unreviewed: not reviewed this round; filter clear: show everything)"),
        ("save", "save NAME: save what is shown as a view, shared in the store"),
    ]

    /// The entries for `query` in `state`, best match first.
    public static func entries(for query: String, in state: AppState) -> [Entry] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        // "state " (the word and a space) already lists the choices; "state bo" narrows them.
        let leading = String(query.drop { $0 == " " })
        if let space = leading.firstIndex(of: " "),
           let argumentEntries = arguments(word: leading[..<space].lowercased(), argument: String(leading[space...]), in: state) {
            return argumentEntries
        }
        let needle = AppState.folded(trimmed)
        var all = commandEntries(in: state)
        all += argumentWords.map { Entry(title: $0.help, keys: ":" + $0.word, command: .word($0.word)) }
        guard !needle.isEmpty else { return all }
        let ranked = all.enumerated().compactMap { index, entry -> (Int, Int, Int, Entry)? in
            let title = AppState.folded(entry.title), keys = AppState.folded(entry.keys)
            if title.hasPrefix(needle) || keys == needle || keys.hasPrefix(":" + needle) { return (0, 0, index, entry) }
            if title.contains(" " + needle) { return (1, 0, index, entry) }
            if title.contains(needle) { return (2, 0, index, entry) }
            // Letters in order ("expt" finds export): the tighter the letters sit, the better.
            guard let span = span(of: needle, in: title) else { return nil }
            return (3, span, index, entry)
        }
        return ranked.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
    }

    /// The length of the shortest stretch of `text` holding the letters of `needle` in order, or nil.
    static func span(of needle: String, in text: String) -> Int? {
        let letters = Array(needle), characters = Array(text)
        guard let first = letters.first else { return 0 }
        var best: Int?
        for start in characters.indices where characters[start] == first {
            var i = start, matched = 0
            while i < characters.count, matched < letters.count {
                if characters[i] == letters[matched] { matched += 1 }
                i += 1
            }
            guard matched == letters.count else { break }
            best = min(best ?? .max, i - start)
        }
        return best
    }

    /// Every key-table command the current screen offers (as if no popup were open), once each;
    /// pointer moves and mouse events are left out.
    static func commandEntries(in state: AppState) -> [Entry] {
        var browsing = state
        browsing.mode = .browsing
        let contexts = Keymap.contexts(for: browsing).filter { $0 != .always }
        var seen: [Command] = []
        var entries: [Entry] = []
        for context in contexts {
            for binding in state.keymap where binding.context == context && !seen.contains(binding.command) {
                guard !binding.keys.allSatisfy({ if case .mouse = $0 { true } else { false } }),
                      !pointerCommands.contains(binding.command), binding.command != .openPalette else { continue }
                seen.append(binding.command)
                entries.append(Entry(title: binding.help, keys: binding.label, command: .run(binding.command)))
            }
        }
        return entries
    }

    static let pointerCommands: [Command] = [.moveUp, .moveDown, .moveLeft, .moveRight, .pageUp, .pageDown, .top, .bottom, .back]

    /// `state at`, `export html`, `screen matrix`: the entries for a word and its argument, or nil
    /// when the word takes none.
    static func arguments(word: String, argument: String, in state: AppState) -> [Entry]? {
        let needle = AppState.folded(argument.trimmingCharacters(in: .whitespaces))
        switch word {
        case "state":
            return state.stateChoices(matching: argument).map { choice in
                switch choice {
                case .all: Entry(title: "state: All States", keys: "", command: .selectState(.all))
                case .state(let code):
                    Entry(title: "state: \(code) \(state.tracker.directory.resolve(code)?.name ?? code)", keys: "",
                          command: .selectState(.state(code)))
                }
            }
        case "export":
            return ExportFormat.allCases.filter { AppState.folded($0.rawValue).hasPrefix(needle) }.map {
                Entry(title: "export: \($0.rawValue)", keys: "", command: .export($0))
            }
        case "filter":
            let parts = argument.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
            let field = parts.first?.lowercased() ?? "", value = AppState.folded(parts.count > 1 ? parts[1] : "")
            func entry(_ title: String, _ change: (inout TreeFilter) -> Void) -> Entry {
                var filter = state.filter
                change(&filter)
                return Entry(title: "filter: " + title, keys: "", command: .filter(filter))
            }
            switch field {
            case "tag":
                return state.tracker.catalog.tags.filter { AppState.folded($0.id).hasPrefix(value) || AppState.folded($0.label).hasPrefix(value) }
                    .map { tag in entry("tag \(tag.id) (\(tag.label))") { $0.tag = tag.id } }
            case "status":
                return Status.allCases.filter { AppState.folded($0.rawValue).hasPrefix(value) }
                    .map { status in entry("status \(status.rawValue)") { $0.status = status } }
            case "pillar":
                return state.tracker.catalog.pillars.filter { AppState.folded($0.id).hasPrefix(value) || AppState.folded($0.title).hasPrefix(value) }
                    .map { pillar in entry("pillar \(pillar.title)") { $0.pillar = pillar.id } }
            case "clear", "":
                return [Entry(title: "filter: clear (show every action)", keys: "F", command: .filter(nil))]
            case "unreviewed":
                return [entry("not reviewed this round" + (state.rounds.current.map { " ('\($0.name)', since \($0.opens))" } ?? " (no round is open)")) { $0.notReviewed = true }]
            default:
                return ["tag", "status", "pillar", "unreviewed", "clear"].filter { $0.hasPrefix(field) }.map {
                    Entry(title: "filter \($0) …", keys: "", command: .word("filter \($0)"))
                }
            }
        case "view":
            return state.views.filter { needle.isEmpty || AppState.folded($0.name).contains(needle) }.map {
                Entry(title: "view: \($0.name)", keys: "", command: .view($0))
            }
        case "save":
            let name = argument.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return [Entry(title: "save: type the view's name", keys: "", command: .word("save"))] }
            let exists = state.views.contains { $0.name == name }
            return [Entry(title: "save view “\(name)”" + (exists ? " (replaces it)" : "") + ": screen, State, filter, sort; shared in the store",
                          keys: "", command: .saveView(name))]
        case "screen":
            return ScreenID.allCases.filter { AppState.folded($0.title).hasPrefix(needle) }.map {
                Entry(title: "screen: \($0.title)", keys: String($0.rawValue), command: .run(.switchScreen($0)))
            }
        default:
            return nil
        }
    }
}

extension AppState {
    /// Enter in the palette: closes it and runs the highlighted entry as if its key had been pressed,
    /// so a command that does not apply is refused with the same reason as its key.
    mutating func runPalette(_ palette: Palette) -> [Effect] {
        let entries = Palette.entries(for: palette.query.text, in: self)
        guard palette.highlighted < entries.count else {
            message = Message("no command matches “\(palette.query.text)”", kind: .info)
            return []
        }
        mode = .browsing
        switch entries[palette.highlighted].command {
        case .view(let view):
            apply(view)
            return []
        case .filter(let newFilter):
            filter = newFilter ?? TreeFilter()
            rebuildTree()
            show(.tree)
            message = Message(filter.isActive ? "filtered: F clears" : "filter cleared", kind: .info)
            return []
        case .saveView(let name):
            if options.readOnly {
                message = Message("read-only: " + (options.readOnlyReason ?? "this session cannot save views"), kind: .error)
                return []
            }
            message = Message("saving the view…", kind: .info)
            return [.saveView(currentView(named: name))]
        case .word(let word):
            var reopened = Palette()
            reopened.query = LineInput(word + " ")
            mode = .palette(reopened)
            return []
        case .run(let command):
            return update(&self, command)
        case .selectState(let choice):
            select(choice)
            return []
        case .export(let format):
            if let reason = Command.openExport.unavailableReason(in: self) {
                message = Message(reason, kind: .error)
                return []
            }
            var form = exportForm()
            if let index = ExportFormat.allCases.firstIndex(of: format) {
                form.fields[0].value = .choice(ExportFormat.allCases.map(\.rawValue), index: index)
                form.fields[3].value = .text(LineInput(exportDefaultPath(form)))
            }
            mode = .form(form)
            return []
        }
    }
}
