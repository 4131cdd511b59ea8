import ActionPlanModel

/// The user's settings: `$XDG_CONFIG_HOME/actionplan/config.json` (else `~/.config/actionplan/config.json`).
///
/// JSON, read by the store's own strict parser so every problem has a line and a column, with one
/// allowance for people: a line whose first visible characters are `//` is a comment (it is blanked
/// before parsing, so line numbers stay true). Unknown keys are problems with a "did you mean", never
/// silently ignored; a file with problems is not used at all (the defaults apply, and the TUI says so).
public struct UserConfig: Sendable, Equatable {
    /// The State the TUI starts on when `--state` is not given (code or name, checked against the store).
    public var defaultState: String?
    /// Where the TUI's export dialog proposes to write files (`~` allowed).
    public var exportFolder: String?
    /// The colour theme: `default`, `high-contrast` or `colour-blind`.
    public var theme: String?
    /// Personal saved views (shared ones live in the store).
    public var views: [SavedView] = []
    /// Rebound keys: a command name and its keys (as the help writes them), where the file says so.
    /// The names and keys are checked by the TUI's key table (`KeyRebinding.check`), which this target
    /// does not know; the location lets that check point at the line.
    public var keys: [KeySetting] = []

    /// One entry of `keys`.
    public struct KeySetting: Sendable, Equatable {
        public var name: String
        public var keys: [String]
        public var location: SourceLocation
    }

    public init(defaultState: String? = nil, exportFolder: String? = nil, theme: String? = nil) {
        self.defaultState = defaultState
        self.exportFolder = exportFolder
        self.theme = theme
    }

    /// The themes a config may name.
    public static let themes = ["default", "high-contrast", "colour-blind"]
    /// The keys a config may have.
    public static let keys = ["defaultState", "exportFolder", "theme", "views", "keys"]
    /// The fields of a view.
    public static let viewKeys = ["name", "screen", "state", "status", "pillar", "tag", "changedSince", "sort"]

    /// One problem, at its line and column.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location.line):\(location.column): \(message)" }
    }

    /// Every problem of a file.
    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    /// The settings in `bytes`, or every problem found.
    public static func parse(_ bytes: [UInt8]) -> Result<UserConfig, Problems> {
        let text = withoutCommentLines(bytes)
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch {
            return .failure(Problems(all: [Problem(location: SourceLocation(offset: error.offset, in: text), message: error.message)]))
        }
        guard case .object(let members, _) = root else {
            return .failure(Problems(all: [Problem(location: SourceLocation(offset: root.offset, in: text),
                                     message: "expected an object { … }, found \(root.kindName)")]))
        }
        var config = UserConfig()
        var problems: [Problem] = []
        func problem(_ value: JSONValue, _ message: String) {
            problems.append(Problem(location: SourceLocation(offset: value.offset, in: text), message: message))
        }
        for member in members {
            if member.key == "views" {
                config.views = parseViews(member.value, text: text, problems: &problems)
                continue
            }
            if member.key == "keys" {
                guard case .object(let entries, _) = member.value else {
                    problem(member.value, "'keys' must be an object {\"note\": \"N\", …}, found \(member.value.kindName)")
                    continue
                }
                for entry in entries {
                    let location = SourceLocation(offset: entry.value.offset, in: text)
                    if let one = entry.value.stringValue {
                        config.keys.append(KeySetting(name: entry.key, keys: [one], location: location))
                    } else if let many = entry.value.arrayValue, many.allSatisfy({ $0.stringValue != nil }) {
                        config.keys.append(KeySetting(name: entry.key, keys: many.compactMap(\.stringValue), location: location))
                    } else {
                        problem(entry.value, "the keys of '\(entry.key)' must be a string or a list of strings, found \(entry.value.kindName)")
                    }
                }
                continue
            }
            guard let string = member.value.stringValue else {
                problem(member.value, keys.contains(member.key) ? "'\(member.key)' must be a string, found \(member.value.kindName)"
                    : unknownKey(member.key))
                continue
            }
            switch member.key {
            case "defaultState": config.defaultState = string
            case "exportFolder": config.exportFolder = string
            case "theme":
                if themes.contains(string) { config.theme = string } else {
                    problem(member.value, LookupError(kind: "theme", value: string,
                        suggestions: Suggestions.closest(to: string, among: themes), hint: "valid: " + themes.joined(separator: ", ")).description)
                }
            default: problem(member.value, unknownKey(member.key))
            }
        }
        return problems.isEmpty ? .success(config) : .failure(Problems(all: problems))
    }

    /// `"views": [{"name": "…", "screen": "matrix", …}]`: every field a string, `name` required.
    private static func parseViews(_ value: JSONValue, text: [UInt8], problems: inout [Problem]) -> [SavedView] {
        func problem(_ at: JSONValue, _ message: String) {
            problems.append(Problem(location: SourceLocation(offset: at.offset, in: text), message: message))
        }
        guard let items = value.arrayValue else {
            problem(value, "'views' must be a list of views [{\"name\": …}], found \(value.kindName)")
            return []
        }
        var views: [SavedView] = []
        for item in items {
            guard case .object(let fields, _) = item else {
                problem(item, "a view must be an object {\"name\": …}, found \(item.kindName)")
                continue
            }
            var strings: [String: String] = [:]
            for field in fields {
                guard viewKeys.contains(field.key) else {
                    problem(field.value, LookupError(kind: "view field", value: field.key,
                        suggestions: Suggestions.closest(to: field.key, among: viewKeys), hint: "valid: " + viewKeys.joined(separator: ", ")).description)
                    continue
                }
                guard let string = field.value.stringValue else {
                    problem(field.value, "the view's '\(field.key)' must be a string, found \(field.value.kindName)")
                    continue
                }
                strings[field.key] = string
            }
            guard let name = strings["name"], !name.isEmpty else {
                problem(item, "a view needs a \"name\"")
                continue
            }
            views.append(SavedView(name: name, screen: strings["screen"], state: strings["state"], status: strings["status"],
                                   pillar: strings["pillar"], tag: strings["tag"], changedSince: strings["changedSince"],
                                   sort: strings["sort"]))
        }
        return views
    }

    private static func unknownKey(_ key: String) -> String {
        LookupError(kind: "key", value: key, suggestions: Suggestions.closest(to: key, among: keys),
                    hint: "valid: " + keys.joined(separator: ", ")).description
    }

    /// The bytes with every `//` comment line blanked (same length, so offsets and lines stay true).
    static func withoutCommentLines(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let line = bytes[lineStart..<i]
            if let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), first + 1 < i,
               bytes[first] == 0x2F, bytes[first + 1] == 0x2F {
                for j in lineStart..<i where bytes[j] != 0x0D { out[j] = 0x20 }
            }
            lineStart = i + 1
        }
        return out
    }

    /// The file `actionplan config example` prints.
    public static let example = """
        // actionplan settings: save as $XDG_CONFIG_HOME/actionplan/config.json
        // (usually ~/.config/actionplan/config.json). JSON; lines starting with // are comments.
        // Check it with `actionplan config check`. Every key is optional.
        {
          // The State the terminal UI opens on when --state is not given (code or name).
          "defaultState": "AT",

          // Where the export dialog (x) proposes to write its files.
          "exportFolder": "~/Documents/actionplan",

          // Colours: "default", "high-contrast" (no dim text, bold selection) or "colour-blind"
          // (blue, orange-yellow and magenta instead of red and green; symbols as always).
          "theme": "default",

          // Personal saved views, recalled in the terminal UI with `:view NAME`. A view names a screen
          // (tree, matrix, dashboard, history), a State (or "all"), a filter (status, pillar, tag,
          // changedSince) and the matrix sort (name, progress). `:save NAME` saves a shared one in the store.
          "views": [
            {"name": "children, not started", "screen": "tree", "state": "all", "status": "not-started", "tag": "children"}
          ],

          // Rebound keys: a command's name and its new key(s), written as the help (?) writes keys.
          // The names are listed in the user guide ("Settings"); a clash with another key is an error.
          "keys": {"note": ["n", "w"], "export": "X"}
        }

        """
}

/// Where the config file is, by the XDG base directory rules.
public enum ConfigLocation {
    /// `$XDG_CONFIG_HOME/actionplan/config.json`, else `$HOME/.config/actionplan/config.json`.
    public static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/actionplan/config.json" }
        return (environment["HOME"] ?? "") + "/.config/actionplan/config.json"
    }

    /// What reading the config found: nothing, settings, or why the defaults apply.
    public enum Outcome: Sendable, Equatable {
        case absent
        case loaded(UserConfig)
        case problems([UserConfig.Problem])
        case unreadable(String)
    }

    /// Reads and checks the file at `path`.
    public static func load(_ path: String) -> Outcome {
        guard FileIO.exists(path) else { return .absent }
        let bytes: [UInt8]
        do { bytes = [UInt8](try FileIO.read(path)) } catch { return .unreadable(error.message) }
        switch UserConfig.parse(bytes) {
        case .success(let config): return .loaded(config)
        case .failure(let problems): return .problems(problems.all)
        }
    }
}
