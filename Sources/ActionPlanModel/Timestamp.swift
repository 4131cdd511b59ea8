import Foundation

/// A UTC instant with millisecond precision, written as `2026-11-29T04:40:06.123Z`.
///
/// Events are ordered by it, so it must compare exactly and parse fast: a large store holds hundreds of
/// thousands of them. The model never reads the clock; callers pass `Timestamp(date: Date())`.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    // MARK: - Text

    /// The UTC calendar fields, for writers that format times themselves (the fast CSV writer).
    public var components: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        let (days, msOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let (y, m, d) = Self.civil(fromDays: days)
        return (y, m, d, msOfDay / 3_600_000, msOfDay / 60_000 % 60, msOfDay / 1000 % 60, msOfDay % 1000)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ`.
    public var description: String {
        let (y, m, d, h, mi, s, ms) = components
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(ms, 3))Z"
    }

    /// `YYYY-MM-DD HH:MM` (UTC), for tables and the terminal.
    public var shortDescription: String {
        let text = description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// `YYYY-MM-DD` (UTC).
    public var day: String { String(description.prefix(10)) }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (also `+00:00`); nil for anything else.
    public init?(parsing text: String) {
        var bytes = Array(text.utf8)
        if bytes.count >= 6, bytes.suffix(6).elementsEqual("+00:00".utf8) {
            bytes.removeLast(6)
            bytes.append(UInt8(ascii: "Z"))
        }
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let y = Self.number(bytes, 0, 4), let mo = Self.number(bytes, 5, 2), let d = Self.number(bytes, 8, 2),
              let h = Self.number(bytes, 11, 2), let mi = Self.number(bytes, 14, 2), let s = Self.number(bytes, 17, 2),
              (1...12).contains(mo), (1...Self.daysIn(month: mo, year: y)).contains(d),
              h < 24, mi < 60, s < 60
        else { return nil }
        var ms: Int64 = 0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count >= 22 else { return nil }
            let digits = bytes[20..<(bytes.count - 1)]
            guard digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
            for (i, digit) in digits.prefix(3).enumerated() { ms += Int64(digit - 48) * [100, 10, 1][i] }
        } else if bytes.count != 20 {
            return nil
        }
        let days = Self.days(fromCivil: y, mo, d)
        milliseconds = days * 86_400_000 + (Int64(h) * 3600 + Int64(mi) * 60 + Int64(s)) * 1000 + ms
    }

    /// A calendar day `YYYY-MM-DD` at 00:00:00.000 UTC, or a full timestamp.
    public static func day(_ text: String) -> Timestamp? {
        if let full = Timestamp(parsing: text) { return full }
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = number(bytes, 0, 4), let m = number(bytes, 5, 2), let d = number(bytes, 8, 2),
              (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d)
        else { return nil }
        return Timestamp(milliseconds: days(fromCivil: y, m, d) * 86_400_000)
    }

    /// The last millisecond of the day that `text` names (`YYYY-MM-DD`), or the timestamp itself.
    public static func endOfDay(_ text: String) -> Timestamp? {
        if let full = Timestamp(parsing: text) { return full }
        return day(text).map { Timestamp(milliseconds: $0.milliseconds + 86_400_000 - 1) }
    }

    public func adding(milliseconds delta: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + delta) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Timestamp(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "expected a UTC time like 2026-11-29T04:40:06.123Z, found '\(text)'"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, Howard Hinnant's algorithms)

    static func days(fromCivil y: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y - 1 : y)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((m + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for b in bytes[start..<(start + count)] {
            guard (48...57).contains(b) else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension Int64 {
    /// Floor division with a non-negative remainder.
    func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let q = self / divisor, r = self % divisor
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}
