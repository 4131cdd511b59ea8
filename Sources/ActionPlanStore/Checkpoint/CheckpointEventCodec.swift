import ActionPlanModel

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
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        var start = line.startIndex
        for i in line.indices where line[i] == 0x09 {
            fields.append(start..<i)
            start = i + 1
        }
        fields.append(start..<line.endIndex)
        var k = 0
        func next() -> ArraySlice<UInt8>? {
            guard k < fields.count else { return nil }
            defer { k += 1 }
            return line[fields[k]]
        }
        func text() -> String? { next().flatMap(unescape) }
        func optional() -> String?? {
            guard let field = next(), let mark = field.first else { return nil }
            if mark == 0x2D, field.count == 1 { return .some(nil) }
            guard mark == 0x2B else { return nil }
            return unescape(field.dropFirst()).map { .some($0) }
        }
        func list() -> [String]?? {
            guard let field = next(), let mark = field.first else { return nil }
            if mark == 0x2D, field.count == 1 { return .some(nil) }
            guard mark == 0x2B, let count = Int(String(decoding: field.dropFirst(), as: UTF8.self)), count >= 0 else { return nil }
            var items: [String] = []
            for _ in 0..<count {
                guard let item = text() else { return nil }
                items.append(item)
            }
            return .some(items)
        }
        func followUpField() -> FollowUpEdit?? {
            guard let field = next(), let mark = field.first else { return nil }
            if field.count == 1, mark == 0x2D { return .some(nil) }
            if field.count == 1, mark == 0x78 { return .some(.cleared) }
            guard mark == 0x2B, let days = Int64(String(decoding: field.dropFirst(), as: UTF8.self)), let owner = optional() else { return nil }
            return .some(.set(FollowUp(date: ReviewDate(days: days), owner: owner)))
        }
        guard let id = text(), let timeField = next(), let ms = Int64(String(decoding: timeField, as: UTF8.self)),
              let author = text(), let state = text(), let action = text(),
              let base = list(), let statusText = optional(), let note = optional(),
              let added = list(), let removed = list(), let undoes = optional(), let followUp = followUpField(),
              k == fields.count else { return nil }
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

    private static func unescape(_ field: ArraySlice<UInt8>) -> String? {
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
