/// A calendar day (`YYYY-MM-DD`, no time of day and no time zone): when a follow-up is due.
///
/// Days are counted from 1970-01-01, so comparing and "days left" are plain integer arithmetic and
/// the same on every machine. A follow-up is a date in the office's calendar, not an instant.
public struct ReviewDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var days: Int64

    public init(days: Int64) { self.days = days }

    /// The day `text` names (`YYYY-MM-DD`, a real calendar date), or nil.
    public init?(parsing text: String) {
        guard text.utf8.count == 10, let start = Timestamp.day(text) else { return nil }
        days = start.milliseconds / 86_400_000
    }

    /// The UTC day of an instant (the CLI's and the TUI's "today").
    public init(_ instant: Timestamp) {
        days = instant.milliseconds >= 0 ? instant.milliseconds / 86_400_000 : (instant.milliseconds - 86_399_999) / 86_400_000
    }

    public var description: String { Timestamp(milliseconds: days * 86_400_000).day }

    public func adding(days delta: Int64) -> ReviewDate { ReviewDate(days: days + delta) }

    public static func < (a: ReviewDate, b: ReviewDate) -> Bool { a.days < b.days }
}

/// The next review of one State × action: when, and who follows it up (optional).
public struct FollowUp: Sendable, Hashable {
    public var date: ReviewDate
    /// The officer who follows it up; nil when nobody is named.
    public var owner: String?

    public init(date: ReviewDate, owner: String? = nil) {
        self.date = date
        self.owner = owner
    }

    /// "2027-03-31 (alice)" or "2027-03-31".
    public var description: String { date.description + (owner.map { " (\($0))" } ?? "") }

    /// Days from `today` to the date: negative when overdue, 0 on the day.
    public func daysLeft(from today: ReviewDate) -> Int64 { date.days - today.days }
}

/// What a change does to the follow-up: sets a new one (date and owner together) or clears it.
///
/// Date and owner travel together so that an event always states the whole follow-up it leaves; two
/// concurrent edits of the same follow-up are then a plain conflict of one field.
public enum FollowUpEdit: Sendable, Hashable {
    case set(FollowUp)
    case cleared

    /// The follow-up after this edit.
    public var value: FollowUp? {
        if case .set(let followUp) = self { followUp } else { nil }
    }
}

/// The rule for a person's name, shared by officers and follow-up owners.
public enum PersonName {
    public static let maxLength = 64

    /// The name trimmed of surrounding spaces, or a message saying why it is not a valid name:
    /// 1–64 characters after trimming, no control characters.
    public static func validate(_ raw: String) -> Result<String, NameError> {
        let name = raw.trimmingSpaces
        if name.isEmpty { return .failure(NameError(value: raw, reason: "a name cannot be empty")) }
        if name.count > maxLength {
            return .failure(NameError(value: raw, reason: "a name has at most \(maxLength) characters (this one has \(name.count))"))
        }
        // Controls, format characters (bidirectional overrides; the zero-width joiner of emoji and some
        // scripts is allowed) and line or paragraph separators would make a name print as something else.
        let refused: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        if name.unicodeScalars.contains(where: { refused.contains($0.properties.generalCategory) && $0.value != 0x200D }) {
            return .failure(NameError(value: raw, reason: "a name cannot contain control characters"))
        }
        return .success(name)
    }

    /// Why a name was refused.
    public struct NameError: Error, Sendable, Equatable, CustomStringConvertible {
        public var value: String
        public var reason: String
        public var description: String { "invalid name '\(TerminalSafe.clean(value))': \(reason)" }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation in the model).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
