/// One line of the store's office log (`office.jsonl`): a decision about how the office works, as
/// opposed to a State's implementation status (which lives in the States' journals).
///
/// Reporting rounds, officers and their States, catalog installations and reference verifications are
/// office records. Like journal lines they are only ever appended, and git merges the file by union,
/// so two offices that each open a round or assign an officer both keep their line. Each feature folds
/// the records of its own kinds (for example `round.open`, `officer.assign`); the fold, never the order
/// of lines in the file, decides what holds when two records disagree.
///
/// A record is flat: besides its id, time, author and kind it has named fields, each a string or a
/// list of strings. The store encodes the keys in a fixed order so the file diffs well.
public struct OfficeRecord: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var time: Timestamp
    public var author: String
    /// What the record does: `area.verb`, for example `round.open` (lowercase letters, digits, `.`, `-`).
    public var kind: String
    public var fields: [String: OfficeValue]

    public init(id: String, time: Timestamp, author: String, kind: String, fields: [String: OfficeValue] = [:]) {
        self.id = id
        self.time = time
        self.author = author
        self.kind = kind
        self.fields = fields
    }

    /// The names a record may not use for its own fields.
    public static let reservedKeys: Set<String> = ["id", "time", "author", "kind"]

    /// Whether `kind` is well formed: 1–64 of lowercase letters, digits, `.` and `-`, starting with a letter.
    public static func isValidKind(_ kind: String) -> Bool {
        guard let first = kind.unicodeScalars.first, ("a"..."z").contains(first), kind.unicodeScalars.count <= 64 else { return false }
        return kind.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
    }

    /// A text field, or nil when it is absent or a list.
    public func text(_ key: String) -> String? {
        if case .text(let value)? = fields[key] { value } else { nil }
    }

    /// A list field; a text field reads as a one-element list, an absent one as nil.
    public func list(_ key: String) -> [String]? {
        switch fields[key] {
        case .list(let values)?: values
        case .text(let value)?: [value]
        case nil: nil
        }
    }

    /// The order in which records are folded: time, then id (the same on every machine).
    public static func foldOrder(_ a: OfficeRecord, _ b: OfficeRecord) -> Bool {
        a.time != b.time ? a.time < b.time : a.id < b.id
    }
}

/// The value of one field of an office record.
public enum OfficeValue: Sendable, Equatable, Hashable {
    case text(String)
    case list([String])
}
