import ActionPlanModel

/// One change event per line of a journal (JSON Lines), in a fixed key order so files diff well.
enum EventCodec {
    static func encode(_ event: ChangeEvent) -> String {
        var parts = [
            "\"id\":\(JSONString.quote(event.id))",
            "\"time\":\"\(event.time.description)\"",
            "\"author\":\(JSONString.quote(event.author))",
            "\"state\":\(JSONString.quote(event.state))",
            "\"action\":\(JSONString.quote(event.action))",
        ]
        if let base = event.base { parts.append("\"base\":[\(base.map { JSONString.quote($0) }.joined(separator: ","))]") }
        if let status = event.status { parts.append("\"status\":\"\(status.rawValue)\"") }
        if let note = event.note { parts.append("\"note\":\(JSONString.quote(note))") }
        if let added = event.evidenceAdded { parts.append("\"evidenceAdded\":[\(added.map { JSONString.quote($0) }.joined(separator: ","))]") }
        if let removed = event.evidenceRemoved { parts.append("\"evidenceRemoved\":[\(removed.map { JSONString.quote($0) }.joined(separator: ","))]") }
        if let undoes = event.undoes { parts.append("\"undoes\":\(JSONString.quote(undoes))") }
        switch event.followUp {
        case nil: break
        case .cleared?: parts.append("\"followUp\":null")
        case .set(let value)?:
            parts.append("\"followUp\":{\"date\":\"\(value.date)\"" + (value.owner.map { ",\"owner\":\(JSONString.quote($0))" } ?? "") + "}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// A line that could not be read as an event: column and what was wrong.
    struct LineError: Error {
        var offset: Int
        var message: String
    }

    static func decode(_ line: ArraySlice<UInt8>) throws(LineError) -> ChangeEvent {
        let bytes = Array(line)
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw LineError(offset: error.offset, message: error.message) }
        guard case .object = root else { throw LineError(offset: 0, message: "expected an event object, found \(root.kindName)") }
        func text(_ key: String) throws(LineError) -> String {
            guard let value = root[key] else { throw LineError(offset: 0, message: "missing \"\(key)\"") }
            guard let s = value.stringValue, !s.isEmpty else {
                throw LineError(offset: value.offset, message: "\"\(key)\" must be a non-empty string, found \(value.kindName)")
            }
            return s
        }
        func optionalText(_ key: String) throws(LineError) -> String? {
            guard let value = root[key], !value.isNull else { return nil }
            guard let s = value.stringValue else { throw LineError(offset: value.offset, message: "\"\(key)\" must be a string") }
            return s
        }
        func list(_ key: String) throws(LineError) -> [String]? {
            guard let value = root[key], !value.isNull else { return nil }
            guard let items = value.arrayValue else { throw LineError(offset: value.offset, message: "\"\(key)\" must be an array of strings") }
            var out: [String] = []
            for item in items {
                guard let s = item.stringValue else { throw LineError(offset: item.offset, message: "\"\(key)\" must hold strings only") }
                out.append(s)
            }
            return out
        }
        let id = try text("id")
        let timeText = try text("time")
        guard let time = Timestamp(parsing: timeText) else {
            throw LineError(offset: root["time"]!.offset, message: "\"time\" must be a UTC time like 2026-11-29T04:40:06.123Z, found '\(timeText)'")
        }
        var status: Status?
        if let raw = try optionalText("status") {
            guard let parsed = Status(rawValue: raw) else {
                throw LineError(offset: root["status"]!.offset, message: "unknown status '\(raw)'; valid: "
                    + Status.allCases.map(\.rawValue).joined(separator: ", "))
            }
            status = parsed
        }
        let base = try list("base")
        if let base, let empty = base.firstIndex(where: \.isEmpty) {
            throw LineError(offset: root["base"]!.arrayValue![empty].offset, message: "\"base\" must hold non-empty event ids")
        }
        var event = ChangeEvent(id: id, time: time, author: try text("author"), state: try text("state"),
                                action: try text("action"), base: base, status: status, note: try optionalText("note"),
                                evidenceAdded: try list("evidenceAdded"), evidenceRemoved: try list("evidenceRemoved"),
                                undoes: try optionalText("undoes"))
        if let value = root["followUp"] { event.followUp = try followUp(value) }
        return event
    }

    /// `"followUp": null` clears the follow-up (as in a JSON merge patch); an object sets it.
    private static func followUp(_ value: JSONValue) throws(LineError) -> FollowUpEdit {
        if value.isNull { return .cleared }
        guard case .object = value else {
            throw LineError(offset: value.offset, message: "\"followUp\" must be null (cleared) or an object with \"date\" and an optional \"owner\", found \(value.kindName)")
        }
        guard let dateValue = value["date"] else { throw LineError(offset: value.offset, message: "\"followUp\" is missing \"date\"") }
        guard let text = dateValue.stringValue, let date = ReviewDate(parsing: text) else {
            throw LineError(offset: dateValue.offset, message: "\"followUp.date\" must be a calendar date like 2027-03-31, found "
                            + (dateValue.stringValue.map { "'\($0)'" } ?? dateValue.kindName))
        }
        var owner: String?
        if let ownerValue = value["owner"], !ownerValue.isNull {
            guard let name = ownerValue.stringValue else {
                throw LineError(offset: ownerValue.offset, message: "\"followUp.owner\" must be a string, found \(ownerValue.kindName)")
            }
            guard case .success(let valid) = PersonName.validate(name), valid == name else {
                throw LineError(offset: ownerValue.offset, message: "\"followUp.owner\" must be a name of 1–\(PersonName.maxLength) characters without surrounding spaces or control characters")
            }
            owner = valid
        }
        return .set(FollowUp(date: date, owner: owner))
    }
}
