/// What installing a new catalog changes, against the catalog in use: the diff `catalog import` shows.
///
/// Actions are compared by id. An id that the mapping file maps away is listed as renamed, split or
/// merged, not as removed; its new ids are not listed as added. The other categories (retitled, moved,
/// references changed) compare the actions that keep their id.
public struct CatalogDiff: Sendable, Equatable {
    /// An action that moved to another pillar or area.
    public struct Move: Sendable, Equatable {
        public var id: String
        public var from: String
        public var to: String

        public init(id: String, from: String, to: String) { self.id = id; self.from = from; self.to = to }
    }

    /// A changed text of an action that keeps its id (title, or reference).
    public struct Edit: Sendable, Equatable {
        public var id: String
        public var before: String
        public var after: String

        public init(id: String, before: String, after: String) { self.id = id; self.before = before; self.after = after }
    }

    /// One line of the mapping, grouped: old ids → new ids.
    public struct Mapping: Sendable, Equatable {
        public enum Kind: String, Sendable { case renamed, split, merged }
        public var kind: Kind
        public var old: [String]
        public var new: [String]

        public init(kind: Kind, old: [String], new: [String]) { self.kind = kind; self.old = old; self.new = new }
    }

    /// A removed action, with the States whose history it holds (kept on disk, reported as orphans).
    public struct Removal: Sendable, Equatable {
        public var action: Action
        public var statesWithHistory: [String]
    }

    public var added: [Action] = []
    public var removed: [Removal] = []
    public var mappings: [Mapping] = []
    public var retitled: [Edit] = []
    public var moved: [Move] = []
    public var referencesChanged: [Edit] = []
    /// Warnings to read before installing (history left as orphans, verification claims ignored,
    /// verifications that stop applying).
    public var warnings: [String] = []

    /// Whether the new catalog has the same actions, titles, places and references.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && mappings.isEmpty && retitled.isEmpty && moved.isEmpty && referencesChanged.isEmpty
    }

    /// Compares `old` (in use, with its verified flags from the records) with `new` (as read from a file).
    ///
    /// - Parameters:
    ///   - renames: the validated mapping, old id → new ids.
    ///   - history: the States that have events for an action id (as folded now, orphans included).
    ///   - verifications: the recorded verifications.
    public init(old: Catalog, new: Catalog, renames: [(old: String, new: String)] = [],
                history: (String) -> [String] = { _ in [] }, verifications: VerificationBook = VerificationBook(records: [])) {
        let mappedOld = Set(renames.map(\.old))
        let mappedNew = Set(renames.map(\.new))
        for action in new.allActions where old.action(id: action.id) == nil && !mappedNew.contains(action.id) {
            added.append(action)
        }
        for action in old.allActions where new.action(id: action.id) == nil && !mappedOld.contains(action.id) {
            let states = history(action.id)
            removed.append(Removal(action: action, statesWithHistory: states))
            if !states.isEmpty {
                warnings.append("\(action.id) is removed but has history in \(states.joined(separator: ", ")); "
                    + "its events stay on disk and are reported as orphans (map it with --renames to keep it visible)")
            }
        }
        mappings = Self.group(renames)
        for action in new.allActions {
            guard let before = old.action(id: action.id) else { continue }
            if before.title != action.title { retitled.append(Edit(id: action.id, before: before.title, after: action.title)) }
            if let from = old.placement(ofAction: action.id), let to = new.placement(ofAction: action.id),
               from.pillar.id != to.pillar.id || from.area.id != to.area.id {
                moved.append(Move(id: action.id, from: "\(from.pillar.id)/\(from.area.id)", to: "\(to.pillar.id)/\(to.area.id)"))
            }
            if before.source.locator != action.source.locator {
                referencesChanged.append(Edit(id: action.id, before: before.source.locator, after: action.source.locator))
            }
        }
        for action in new.allActions {
            let standing = verifications.standing[action.id]
            if let standing, standing.reference != action.source.locator, standing.reference == old.action(id: action.id)?.source.locator {
                warnings.append("\(action.id): the verification of \(standing.time.day) by \(standing.by) checked '\(standing.reference)'; "
                    + "the new reference is '\(action.source.locator)', so it no longer applies")
            }
            if action.source.verified, verifications.verification(of: action) == nil {
                warnings.append("\(action.id): the file marks the reference verified, but no verification record matches it; "
                    + "ignored (record one with `actionplan catalog verify \(action.id) --document …`)")
            }
        }
    }

    /// Groups mapping lines: an old id listed twice is a split, a new id listed twice a merge.
    static func group(_ renames: [(old: String, new: String)]) -> [Mapping] {
        var result: [Mapping] = []
        var done = Set<Int>()
        for (i, line) in renames.enumerated() where !done.contains(i) {
            let splits = renames.indices.filter { renames[$0].old == line.old }
            let merges = renames.indices.filter { renames[$0].new == line.new }
            if splits.count > 1 {
                done.formUnion(splits)
                result.append(Mapping(kind: .split, old: [line.old], new: splits.map { renames[$0].new }))
            } else if merges.count > 1 {
                done.formUnion(merges)
                result.append(Mapping(kind: .merged, old: merges.map { renames[$0].old }, new: [line.new]))
            } else {
                done.insert(i)
                result.append(Mapping(kind: .renamed, old: [line.old], new: [line.new]))
            }
        }
        return result
    }
}

/// A problem in a mapping file, at its line.
public struct RenameProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}

/// The lines of a mapping file (`old_id,new_id`) checked against the catalogs.
public enum RenameMap {
    /// Checks each line: the old id must be in the catalog in use (or have history in the store, as
    /// orphans), the new id in the new catalog; no line twice; no id mapped to itself alone.
    public static func check(_ lines: [(line: Int, old: String, new: String)], current: Catalog, new: Catalog,
                             hasHistory: (String) -> Bool) -> [RenameProblem] {
        var problems: [RenameProblem] = []
        var seen: [String: Int] = [:]
        for entry in lines {
            if current.action(id: entry.old) == nil, !hasHistory(entry.old) {
                let close = Suggestions.closest(to: entry.old, among: current.allActions.map(\.id))
                problems.append(RenameProblem(line: entry.line, message: "old id '\(entry.old)' is not in the catalog in use and has no history"
                    + (close.isEmpty ? "" : "; did you mean '\(close[0])'?")))
            }
            if new.action(id: entry.new) == nil {
                let close = Suggestions.closest(to: entry.new, among: new.allActions.map(\.id))
                problems.append(RenameProblem(line: entry.line, message: "new id '\(entry.new)' is not in the new catalog"
                    + (close.isEmpty ? "" : "; did you mean '\(close[0])'?")))
            }
            let key = entry.old + ">" + entry.new
            if let first = seen[key] {
                problems.append(RenameProblem(line: entry.line, message: "repeats line \(first) (\(entry.old) → \(entry.new))"))
            } else {
                seen[key] = entry.line
            }
        }
        for entry in lines where entry.old == entry.new && lines.filter({ $0.old == entry.old }).count == 1 {
            problems.append(RenameProblem(line: entry.line, message: "maps '\(entry.old)' to itself; list it only as part of a split"))
        }
        return problems.sorted { $0.line < $1.line }
    }
}
