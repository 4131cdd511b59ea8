import Foundation

/// A participating State or a Partner for Co-operation, identified by its ISO 3166-1 alpha-2 code.
public struct Participant: Codable, Sendable, Equatable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case participating
        case partner
    }

    public var code: String
    public var iso3: String
    public var name: String
    public var kind: Kind
    public var group: String

    public init(code: String, iso3: String, name: String, kind: Kind, group: String) {
        self.code = code
        self.iso3 = iso3
        self.name = name
        self.kind = kind
        self.group = group
    }

    public var id: String { code }
}

/// The list of States a store tracks, with lookup by code, ISO3 code or name.
public struct StateDirectory: Sendable, Equatable {
    public private(set) var all: [Participant]
    private var byKey: [String: Int] = [:]
    /// Codes and names with their folded keys, for "did you mean" (folded once, not on every miss).
    private var suggestionKeys: [Suggestions.Keyed] = []

    public init(_ participants: [Participant]) {
        all = participants
        for (i, p) in participants.enumerated() {
            for key in [p.code, p.iso3, p.name] { byKey[Self.key(key)] = byKey[Self.key(key)] ?? i }
        }
        suggestionKeys = participants.flatMap { [$0.code, $0.name] }.map { Suggestions.Keyed(text: $0, key: Self.key($0)) }
    }

    /// The participating States, and the Partners for Co-operation when `partners` is true.
    public func visible(includingPartners partners: Bool) -> [Participant] {
        partners ? all : all.filter { $0.kind == .participating }
    }

    /// Finds a State by code, ISO3 code or name, ignoring case and diacritics ("at", "AUT", "turkiye").
    public func resolve(_ query: String) -> Participant? {
        byKey[Self.key(query)].map { all[$0] }
    }

    /// Resolves a State or explains what is valid, with the closest names.
    public func lookup(_ query: String) -> Result<Participant, LookupError> {
        if let found = resolve(query) { return .success(found) }
        let close = Suggestions.closest(to: query, amongKeyed: suggestionKeys)
        return .failure(LookupError(kind: "State", value: query, suggestions: close,
                                    hint: "run `actionplan states --partners` for the list"))
    }

    static func key(_ text: String) -> String {
        // ASCII (codes, most names) folds without Foundation: a 1,000,000-row import looks up every row.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(text.utf8.drop { $0 == 0x20 || $0 == 0x09 })
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
            for k in bytes.indices where (0x41...0x5A).contains(bytes[k]) { bytes[k] += 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }
}

/// An unknown id, name or value, with the closest valid choices.
public struct LookupError: Error, Equatable, Sendable, CustomStringConvertible {
    public var kind: String
    public var value: String
    public var suggestions: [String]
    public var hint: String?

    public init(kind: String, value: String, suggestions: [String], hint: String? = nil) {
        self.kind = kind
        self.value = value
        self.suggestions = suggestions
        self.hint = hint
    }

    public var description: String {
        // The value was typed or read from a file: one line, nothing a terminal would obey.
        let shown = value.utf8.count > 200 ? String(value.prefix(60)) + "…" : value
        var text = "unknown \(kind) '\(TerminalSafe.clean(shown))'"
        if !suggestions.isEmpty {
            text += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        }
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// "Did you mean": the valid choices closest to what was typed.
public enum Suggestions {
    /// Up to `limit` candidates by edit distance (case-insensitive), prefix matches first.
    public static func closest(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
        closest(to: query, amongKeyed: candidates.map { Keyed(text: $0, key: StateDirectory.key($0)) }, limit: limit)
    }

    /// A candidate and its folded key (case and diacritics removed).
    public struct Keyed: Sendable, Equatable {
        public var text: String
        public var key: String
        var length: Int
        var scalars: [Unicode.Scalar]

        public init(text: String, key: String) {
            self.text = text
            self.key = key
            length = key.count
            scalars = Array(key.unicodeScalars)
        }
    }

    /// As `closest(to:among:)`, with the candidates' keys folded in advance.
    public static func closest(to query: String, amongKeyed candidates: [Keyed], limit: Int = 3) -> [String] {
        // A typo is short; a cell of megabytes is not a typo and must not cost megabytes × candidates.
        guard query.utf8.count <= maximumQueryLength else { return [] }
        let q = StateDirectory.key(query)
        guard !q.isEmpty else { return Array(candidates.prefix(limit).map(\.text)) }
        let threshold = max(2, q.count / 2)
        let qCount = q.count
        let qScalars = Array(q.unicodeScalars)
        var qualifying: [(text: String, score: Int)] = []
        for candidate in candidates {
            if candidate.key.hasPrefix(q) { qualifying.append((candidate.text, 0)); continue }
            if abs(candidate.length - qCount) > threshold { continue }          // too far apart to qualify
            // Folded keys have no diacritics left, so scalars stand for characters (and compare far faster).
            let score = distance(qScalars, candidate.scalars)
            if score <= threshold { qualifying.append((candidate.text, score)) }
        }
        qualifying.sort { $0.score != $1.score ? $0.score < $1.score : $0.text < $1.text }
        var result: [String] = []
        for (text, _) in qualifying where !result.contains(text) {
            result.append(text)
            if result.count == limit { break }
        }
        return result
    }

    /// Queries longer than this (in UTF-8 bytes) get no suggestions.
    public static let maximumQueryLength = 200

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int { distance(Array(a), Array(b)) }

    /// Levenshtein distance over any comparable units (characters, or the scalars of folded keys).
    static func distance<Unit: Equatable>(_ a: [Unit], _ b: [Unit]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
