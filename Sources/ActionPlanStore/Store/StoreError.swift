import ActionPlanModel

/// Why a store could not be opened, read or written, with the file, line and column where known.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A file is not valid JSON or not what the store expects.
        case damaged
        /// The store was written by a newer version of the program.
        case newerFormat
        /// The disk refused: permissions, missing folder, full disk.
        case io
        /// Input given by the user (a file to import, an output path) is unusable.
        case input
        /// A writer's base is no longer the head: someone changed the action since it was read.
        case headMoved
    }

    public var kind: Kind
    public var file: String
    public var location: SourceLocation?
    public var message: String
    /// For `.headMoved`: what changed under the writer, pair by pair.
    public var moved: [MovedHead]
    /// A failed write that still left something on disk (a torn line, a batch to complete); the
    /// message says what. Otherwise a failed `append` wrote nothing and says so.
    public var wroteSomething = false

    public init(_ kind: Kind, file: String, location: SourceLocation? = nil, message: String, moved: [MovedHead] = []) {
        self.kind = kind
        self.file = file
        self.location = location
        self.message = message
        self.moved = moved
    }

    public var description: String {
        if let location { return "\(file):\(location.line):\(location.column): \(message)" }
        return "\(file): \(message)"
    }
}

/// A problem found while loading that does not stop the store from opening: a torn or invalid journal
/// line, an event for an action the catalog no longer has. Never dropped silently; `validate` lists them.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, file: String, location: SourceLocation? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// A State × action whose heads are no longer the ones a writer based its change on.
public struct MovedHead: Sendable, Equatable {
    public var state: String
    public var action: String
    /// The heads the writer saw (its events' base).
    public var expected: [String]
    /// The heads now, with their authors and times.
    public var current: [ChangeEvent]
    /// The assessment now.
    public var now: Assessment

    public init(state: String, action: String, expected: [String], current: [ChangeEvent], now: Assessment) {
        self.state = state
        self.action = action
        self.expected = expected
        self.current = current
        self.now = now
    }

    /// "XA AP03-IV-1-a was changed by bob at 2026-11-29 10:02 (now implemented, note …)".
    public var description: String {
        let who = current.map { "\($0.author) at \($0.time.shortDescription) UTC" }.joined(separator: " and ")
        var value = "now \(now.status.rawValue)"
        if !now.note.isEmpty { value += ", note \"\(now.note.count > 60 ? String(now.note.prefix(59)) + "…" : now.note)\"" }
        return "\(state) \(action) was changed by \(who.isEmpty ? "someone" : who) since it was read (\(value))"
    }
}
