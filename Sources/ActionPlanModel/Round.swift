import Foundation

/// A reporting round: a named period in which the office reviews every State × action (for example
/// "2027 survey", opened 2027-01-10, due 2027-06-30).
///
/// Closing a round freezes its snapshot: the statuses as of the close instant. Nothing is copied; the
/// snapshot is the fold of the journals up to `closedAt`, so it is as honest as the history it comes from.
public struct Round: Sendable, Equatable, Hashable {
    /// The name as the office wrote it ("2027 survey"); unique without regard to case.
    public var name: String
    /// The first day of the round (`YYYY-MM-DD`, UTC).
    public var opens: String
    /// The deadline (`YYYY-MM-DD`, UTC), the last day of the round.
    public var due: String
    /// The `round.open` record that created the round (a `round.close` names it).
    public var openID: String
    public var openedAt: Timestamp
    public var openedBy: String
    /// The instant the snapshot is taken at; nil while the round is open.
    public var closedAt: Timestamp?
    public var closedBy: String?

    public init(name: String, opens: String, due: String, openID: String, openedAt: Timestamp, openedBy: String,
                closedAt: Timestamp? = nil, closedBy: String? = nil) {
        self.name = name
        self.opens = opens
        self.due = due
        self.openID = openID
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.closedAt = closedAt
        self.closedBy = closedBy
    }

    public var isClosed: Bool { closedAt != nil }

    /// 00:00 UTC of the opening day: an event at or after it counts as reviewed in this round.
    public var opensAt: Timestamp { Timestamp.day(opens)! }

    /// The instant the round's snapshot shows: its close, or nil (now) while it is open.
    public var snapshotInstant: Timestamp? { closedAt }

    /// The days the round covers: from `opens` to the close day when closed, else to `due`.
    public var lastDay: String { closedAt?.day ?? due }

    /// Days from `today` to the deadline (negative: overdue).
    public func daysLeft(today: String) -> Int { RoundDay.days(from: today, to: due) }

    /// "43 days left", "due today", "overdue by 3 days", "opens in 5 days" or "closed 2027-06-30".
    public func countdown(today: String) -> String {
        if let closedAt { return "closed \(closedAt.day)" }
        let toOpen = RoundDay.days(from: today, to: opens)
        if toOpen > 0 { return "opens in \(Plural.count(toOpen, "day"))" }
        let left = daysLeft(today: today)
        if left > 0 { return "\(Plural.count(left, "day")) left" }
        if left == 0 { return "due today" }
        return "overdue by \(Plural.count(-left, "day"))"
    }

    /// The key under which names are unique: trimmed and case-folded.
    public static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// "'2027 survey' (opens 2027-01-10, due 2027-06-30, open)" for messages.
    public var described: String {
        "'\(name)' (\(opens) to \(due), " + (closedAt.map { "closed \($0.shortDescription) UTC" } ?? "open") + ")"
    }
}

/// One round as a mark on a time axis (for trend charts): name, dates and whether it is closed.
public struct RoundMark: Sendable, Equatable {
    public var name: String
    public var opens: String
    public var due: String
    /// The close instant, nil while open.
    public var closed: Timestamp?

    public init(name: String, opens: String, due: String, closed: Timestamp?) {
        self.name = name
        self.opens = opens
        self.due = due
        self.closed = closed
    }
}

/// Calendar days written `YYYY-MM-DD`.
public enum RoundDay {
    /// The day if `text` is exactly `YYYY-MM-DD` and a real date; nil otherwise (no times, no other layouts).
    public static func parse(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count == 10, Timestamp.day(trimmed) != nil else { return nil }
        return trimmed
    }

    /// Whole days from `a` to `b` (both valid days).
    public static func days(from a: String, to b: String) -> Int {
        guard let x = Timestamp.day(a), let y = Timestamp.day(b) else { return 0 }
        return Int((y.milliseconds - x.milliseconds) / 86_400_000)
    }
}
