import Foundation

/// The implementation status of one recommended action in one State.
///
/// Each status carries a symbol, so the meaning survives without colour, and an ASCII fallback for
/// terminals or files that cannot show the symbol. The weight feeds the implementation figure;
/// `notAssessed` and `notApplicable` have none because they say nothing about progress.
public enum Status: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case notAssessed = "not-assessed"
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case partiallyImplemented = "partially-implemented"
    case implemented = "implemented"
    case notApplicable = "not-applicable"

    /// The words shown to people.
    public var label: String {
        switch self {
        case .notAssessed: "Not assessed"
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .partiallyImplemented: "Partially implemented"
        case .implemented: "Implemented"
        case .notApplicable: "Not applicable"
        }
    }

    /// A one-column symbol that carries the meaning without colour.
    public var symbol: String {
        switch self {
        case .notAssessed: "·"
        case .notStarted: "○"
        case .inProgress: "◔"
        case .partiallyImplemented: "◑"
        case .implemented: "●"
        case .notApplicable: "×"
        }
    }

    /// The ASCII fallback of `symbol`.
    public var asciiSymbol: String {
        switch self {
        case .notAssessed: "."
        case .notStarted: "o"
        case .inProgress: "-"
        case .partiallyImplemented: "+"
        case .implemented: "#"
        case .notApplicable: "x"
        }
    }

    /// The share of the action that counts as done; nil where the status says nothing about progress.
    public var weight: Double? {
        switch self {
        case .notAssessed, .notApplicable: nil
        case .notStarted: 0
        case .inProgress: 1.0 / 3.0
        case .partiallyImplemented: 2.0 / 3.0
        case .implemented: 1
        }
    }

    /// Whether somebody has looked at the action (everything except `notAssessed`).

    /// The order of the scale, used to tell an improvement from a regression.
    public var rank: Int {
        switch self {
        case .notAssessed: 0
        case .notStarted: 1
        case .inProgress: 2
        case .partiallyImplemented: 3
        case .implemented: 4
        case .notApplicable: 5
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

    /// Parses an id, a label or a unique prefix, case-insensitively ("implemented", "In progress", "partial").
    public init?(parsing text: String) {
        let key = Status.normalized(text)
        if let exact = Status.allCases.first(where: { Status.normalized($0.rawValue) == key || Status.normalized($0.label) == key }) {
            self = exact
            return
        }
        let prefixed = Status.allCases.filter { Status.normalized($0.rawValue).hasPrefix(key) }
        guard !key.isEmpty, prefixed.count == 1 else { return nil }
        self = prefixed[0]
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
            .trimmingCharacters(in: .whitespaces)
    }
}
