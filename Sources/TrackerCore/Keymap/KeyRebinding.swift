import Foundation
import ActionPlanModel
import TerminalKit

/// Key rebinding from the settings file: commands by name, keys by their help label.
///
/// `{"keys": {"note": "N", "status": ["s", "m"]}}` gives the named command these keys instead of its
/// own, in every screen that has it. Only the screens' commands can be rebound (not the dialogs' keys,
/// not Ctrl-C). The changed table is the one table: dispatch, footer, help and palette all read it.
public enum KeyRebinding {
    /// A problem with one entry of the settings' `keys`.
    public struct Problem: Equatable, Sendable {
        public var name: String
        public var message: String
    }

    /// Every problem of the settings' `keys`.
    public struct Problems: Error, Equatable, Sendable {
        public var all: [Problem]
    }

    /// The contexts whose bindings can be rebound.
    static let contexts: [KeyContext] = [.global, .tree, .searchResults, .matrix, .history, .help]

    /// Every command name a settings file may use, in table order.
    public static var names: [String] {
        var seen: [String] = []
        for binding in Keymap.bindings where contexts.contains(binding.context) {
            if let name = binding.command.configName, !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    /// The table with `overrides` (command name → keys) applied.
    public static func table(_ overrides: [String: [Key]]) -> [Binding] {
        guard !overrides.isEmpty else { return Keymap.bindings }
        return Keymap.bindings.map { binding in
            guard contexts.contains(binding.context), let name = binding.command.configName, let keys = overrides[name] else { return binding }
            var changed = binding
            changed.keys = keys
            return changed
        }
    }

    /// Checks raw settings (name → key labels): unknown names, unreadable keys, and keys that would
    /// collide with another command on some screen. Returns the overrides when there is no problem.
    public static func check(_ raw: [(name: String, keys: [String])]) -> Result<[String: [Key]], Problems> {
        var problems: [Problem] = []
        var overrides: [String: [Key]] = [:]
        let known = names
        for (name, labels) in raw {
            guard known.contains(name) else {
                let close = Suggestions.closest(to: name, among: known)
                problems.append(Problem(name: name, message: "unknown command '\(name)'"
                    + (close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?")
                    + " (the names are listed in the user guide, \"Settings\")"))
                continue
            }
            var keys: [Key] = []
            for label in labels {
                guard let key = Key(label: label) else {
                    problems.append(Problem(name: name, message: "'\(label)' is not a key (write it as the help shows keys: s, S, Ctrl-R, F2, Enter, PgDn)"))
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if keys.isEmpty, labels.isEmpty { problems.append(Problem(name: name, message: "no key given")) }
            overrides[name] = keys
        }
        guard problems.isEmpty else { return .failure(Problems(all: problems)) }
        // A key that reaches two commands on one screen, where one of them was rebound, hides one of them.
        let table = table(overrides)
        let chains: [[KeyContext]] = [[.searchResults, .tree, .global], [.matrix, .global], [.history, .global], [.help, .global], [.global]]
        var reported = Set<String>()
        for chain in chains {
            var owners: [Key: [Binding]] = [:]
            for context in chain {
                for binding in table where binding.context == context {
                    for key in binding.keys {
                        for other in owners[key] ?? [] where other.command != binding.command {
                            // Only a key the settings gave is a clash; a default key shadowed by design
                            // (n while searching) is not.
                            guard let (name, against) = [(binding, other), (other, binding)].lazy.compactMap({ pair -> (String, Binding)? in
                                guard let name = pair.0.command.configName, overrides[name] != nil, isNew(key, for: pair.0) else { return nil }
                                return (name, pair.1)
                            }).first else { continue }
                            let text = "\(key.label) is also '\(against.command.configName ?? against.help)' (\(against.context.title)); choose another key"
                            if reported.insert(name + text).inserted { problems.append(Problem(name: name, message: text)) }
                        }
                        owners[key, default: []].append(binding)
                    }
                }
            }
        }
        return problems.isEmpty ? .success(overrides) : .failure(Problems(all: problems))
    }
}

extension KeyRebinding {
    /// Whether `key` is not among the default keys of `binding`'s command in its context.
    static func isNew(_ key: Key, for binding: Binding) -> Bool {
        !Keymap.bindings.contains { $0.context == binding.context && $0.command == binding.command && $0.keys.contains(key) }
    }
}

extension Command {
    /// The name of a screen command in the settings' `keys` (nil: not rebindable).
    public var configName: String? {
        switch self {
        case .nextScreen: "next-screen"
        case .previousScreen: "previous-screen"
        case .switchScreen(let screen): "screen-" + screen.title.lowercased()
        case .openStatePicker: "choose-state"
        case .previousState: "previous-state"
        case .nextState: "next-state"
        case .openExport: "export"
        case .openPalette: "palette"
        case .sync: "sync"
        case .undo: "undo"
        case .redo: "redo"
        case .quit: "quit"
        case .back: "back"
        case .moveUp: "up"
        case .moveDown: "down"
        case .moveLeft: "left"
        case .moveRight: "right"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .top: "top"
        case .bottom: "bottom"
        case .activate: "open"
        case .openStatusPicker: "status"
        case .editNote: "note"
        case .addEvidence: "evidence"
        case .manageEvidence: "evidence-list"
        case .resolveConflict: "resolve"
        case .toggleMark: "mark"
        case .editFollowUp: "follow-up"
        case .toggleMyStates: "my-states"
        case .startSearch: "search"
        case .openFilter: "filter"
        case .clearFilter: "clear-filter"
        case .scrollDetails(let rows): rows > 0 ? "details-down" : "details-up"
        case .nextMatch: "next-match"
        case .previousMatch: "previous-match"
        case .toggleSort: "sort"
        case .toggleNotReviewed: "not-reviewed"
        case .compareRounds: "compare-rounds"
        default: nil
        }
    }
}

extension Key {
    /// The key a label names, as the help writes keys ("s", "Ctrl-R", "F2", "PgDn", "Space"); nil if none.
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
            "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "insert": .insert, "home": .home, "end": .end,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right,
        ]
        if let key = named[text.lowercased()] { self = key; return }
        if text.count == 1, let c = text.first, !c.isWhitespace { self = .character(c); return }
        let lowered = text.lowercased()
        if lowered.hasPrefix("ctrl-"), text.count == 6, let c = lowered.last, c.isLetter, c.isASCII { self = .control(c); return }
        if lowered.hasPrefix("f"), let n = Int(lowered.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        return nil
    }
}
