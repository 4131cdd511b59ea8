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
    }

    public var kind: Kind
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, file: String, location: SourceLocation? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.message = message
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
