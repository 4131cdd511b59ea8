import ActionPlanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Events in a checkpoint: one line of tab-separated fields, read without a JSON parser.
///
/// A warm start decodes some 30,000 kept events; as JSON (the journal's own form, parsed strictly so
/// that damage is reported with line and column) that alone took over 100 ms. A checkpoint is derived
/// and checked by its own hash, so it can use a simpler form. Fields, in order: id, time (milliseconds),
/// author, state, action, base, status, note, evidence added, evidence removed, undoes, follow-up. An
/// optional field is `-` when absent, else `+` and its value; a list is `-` or `+COUNT` followed by COUNT
/// fields. The follow-up is `-` (unchanged), `x` (cleared) or `+DAYS` (days since 1970-01-01) followed by
/// the owner as an optional field.
/// Backslash, tab, line feed and carriage return are escaped as `\\`, `\t`, `\n`, `\r`.
enum CheckpointEventCodec {
    static func encode(_ event: ChangeEvent) -> String {
        var fields = [escape(event.id), String(event.time.milliseconds), escape(event.author), escape(event.state), escape(event.action)]
        list(event.base, into: &fields)
        fields.append(event.status.map { "+" + $0.rawValue } ?? "-")
        fields.append(event.note.map { "+" + escape($0) } ?? "-")
        list(event.evidenceAdded, into: &fields)
        list(event.evidenceRemoved, into: &fields)
        fields.append(event.undoes.map { "+" + escape($0) } ?? "-")
        switch event.followUp {
        case nil: fields.append("-")
        case .cleared?: fields.append("x")
        case .set(let value)?:
            fields.append("+\(value.date.days)")
            fields.append(value.owner.map { "+" + escape($0) } ?? "-")
        }
        return fields.joined(separator: "\t")
    }

    private static func list(_ items: [String]?, into fields: inout [String]) {
        guard let items else { fields.append("-"); return }
        fields.append("+\(items.count)")
        fields += items.map(escape)
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The event on `line`, or nil when the line is not one (the checkpoint is then rebuilt).
    static func decode(_ line: ArraySlice<UInt8>) -> ChangeEvent? {
        var reuse = Reuse()
        return line.withUnsafeBufferPointer { buffer in
            var fields = FieldCursor(buffer)
            return fields.event(reusing: &reuse)
        }
    }

    /// Strings seen on the lines before, given back when a field has the same bytes: a checkpoint's
    /// lines repeat their State, action and author, and each event's base is the id on the line before
    /// it, so most fields need no new `String` at all.
    struct Reuse {
        var state: String?
        var action: String?
        var author: String?
        var id: String?

        init(state: String? = nil) { self.state = state }

        static func same(_ field: UnsafeBufferPointer<UInt8>, _ text: String?) -> String? {
            guard var text else { return nil }
            return text.withUTF8 { $0.count == field.count && memcmp($0.baseAddress!, field.baseAddress!, field.count) == 0 } ? text : nil
        }
    }

    /// Reads a line's tab-separated fields in order, straight from the bytes: a warm start decodes some
    /// 25,000 event lines, so no per-line array of ranges, no closures, no intermediate `String`s for numbers.
    struct FieldCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// Set when a field was read past the end of the line.
        var exhausted = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next field (up to the next tab or the end of the line).
        mutating func field() -> UnsafeBufferPointer<UInt8> {
            guard position <= bytes.count, !exhausted else { exhausted = true; return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
            var end = position
            while end < bytes.count, bytes[end] != 0x09 { end += 1 }
            let result = UnsafeBufferPointer(rebasing: bytes[position..<end])
            position = end + 1
            return result
        }

        var atEnd: Bool { !exhausted && position == bytes.count + 1 }

        mutating func text() -> String? {
            let f = field()
            return exhausted ? nil : CheckpointEventCodec.unescape(f)
        }

        /// `-` for nil, `+VALUE` for a value; `.none` when the field is neither.
        mutating func optional() -> String?? {
            let f = field()
            guard !exhausted, let mark = f.first else { return .none }
            if mark == 0x2D, f.count == 1 { return .some(nil) }
            guard mark == 0x2B, let value = CheckpointEventCodec.unescape(UnsafeBufferPointer(rebasing: f[1...])) else { return .none }
            return .some(value)
        }

        mutating func list() -> [String]?? {
            let f = field()
            guard !exhausted, let mark = f.first else { return .none }
            if mark == 0x2D, f.count == 1 { return .some(nil) }
            guard mark == 0x2B, let count = Self.number(UnsafeBufferPointer(rebasing: f[1...])), count >= 0, count <= bytes.count else { return .none }
            var items: [String] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let item = text() else { return .none }
                items.append(item)
            }
            return .some(items)
        }

        /// A decimal number (optionally negative), or nil.
        static func number(_ f: UnsafeBufferPointer<UInt8>) -> Int64? {
            var i = 0
            var negative = false
            if f.first == 0x2D { negative = true; i = 1 }
            guard i < f.count, f.count - i <= 18 else { return nil }
            var value: Int64 = 0
            while i < f.count {
                let digit = f[i] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
                i += 1
            }
            return negative ? -value : value
        }

        /// A field that is often the same as on an earlier line (see `Reuse`).
        mutating func text(reusing earlier: String?) -> String? {
            let f = field()
            guard !exhausted else { return nil }
            return Reuse.same(f, earlier) ?? CheckpointEventCodec.unescape(f)
        }

        mutating func event(reusing reuse: inout Reuse) -> ChangeEvent? {
            guard let id = text() else { return nil }
            let timeField = field()
            guard !exhausted, let ms = Self.number(timeField),
                  let author = text(reusing: reuse.author), let state = text(reusing: reuse.state),
                  let action = text(reusing: reuse.action) else { return nil }
            reuse.author = author
            reuse.state = state
            reuse.action = action
            // The base of a chain's event is the id on the line before.
            let baseField = field()
            var base: [String]?
            if !exhausted, baseField.count == 2, baseField[0] == 0x2B, baseField[1] == 0x31 {
                guard let only = text(reusing: reuse.id) else { return nil }
                base = [only]
            } else {
                position -= baseField.count + 1
                guard let list = list() else { return nil }
                base = list
            }
            reuse.id = id
            guard let statusText = optional(), let note = optional(),
                  let added = list(), let removed = list(), let undoes = optional(), let followUp = followUp(), atEnd else { return nil }
            var status: Status?
            if let statusText {
                guard let parsed = Status(rawValue: statusText) else { return nil }
                status = parsed
            }
            var event = ChangeEvent(id: id, time: Timestamp(milliseconds: ms), author: author, state: state, action: action, base: base,
                                    status: status, note: note, evidenceAdded: added, evidenceRemoved: removed, undoes: undoes)
            event.followUp = followUp
            return event
        }

        /// The follow-up: `-` unchanged, `x` cleared, `+DAYS` then the owner as an optional field; `.none`
        /// when the field is none of these.
        mutating func followUp() -> FollowUpEdit?? {
            let f = field()
            guard !exhausted, let mark = f.first else { return .none }
            if f.count == 1, mark == 0x2D { return .some(nil) }
            if f.count == 1, mark == 0x78 { return .some(.cleared) }
            guard mark == 0x2B, let days = Self.number(UnsafeBufferPointer(rebasing: f[1...])), let owner = optional() else { return .none }
            return .some(.set(FollowUp(date: ReviewDate(days: days), owner: owner)))
        }
    }

    static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case 0x5C: bytes.append(0x5C)
                case 0x74: bytes.append(0x09)
                case 0x6E: bytes.append(0x0A)
                case 0x72: bytes.append(0x0D)
                default: return nil
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                bytes.append(byte)
            }
        }
        return escaped ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
