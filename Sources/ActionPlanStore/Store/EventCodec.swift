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
        return ChangeEvent(id: id, time: time, author: try text("author"), state: try text("state"),
                           action: try text("action"), base: base, status: status, note: try optionalText("note"),
                           evidenceAdded: try list("evidenceAdded"), evidenceRemoved: try list("evidenceRemoved"),
                           undoes: try optionalText("undoes"))
    }
}
