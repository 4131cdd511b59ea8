import Foundation
import ActionPlanModel

/// The office log as read: its records (each id once, in fold order) and what was wrong with its lines.
public struct OfficeLog: Sendable, Equatable {
    public var records: [OfficeRecord]
    public var problems: [StoreProblem]

    public init(records: [OfficeRecord] = [], problems: [StoreProblem] = []) {
        self.records = records
        self.problems = problems
    }
}

extension Store {
    var officeLogPath: String { path + "/office.jsonl" }

    /// The office log (`office.jsonl`: rounds, officers, catalog installations, verifications), read under
    /// the shared lock. A missing file is an empty log.
    public func officeLog() throws(StoreError) -> OfficeLog {
        try withLock(.shared) { () throws(StoreError) -> OfficeLog in try readOfficeLogUnlocked() }
    }

    func readOfficeLogUnlocked() throws(StoreError) -> OfficeLog {
        guard FileIO.exists(officeLogPath) else { return OfficeLog() }
        try SafePath.refuseLink(officeLogPath)
        return OfficeLogCodec.read([UInt8](try FileIO.read(officeLogPath)), file: officeLogPath)
    }

    /// Appends one office record, decided under the exclusive lock.
    ///
    /// `decide` sees the log as it is under the lock (so two officers closing the same round at once
    /// cannot both succeed) and returns the record to append, nil for nothing to do, or throws to refuse
    /// (nothing is written). The record is one line, appended and `fsync`ed: it is there whole or not at
    /// all (a torn last line is reported by `validate` and ignored by the fold). The first write upgrades
    /// the store's format like any other write.
    @discardableResult
    public func appendOffice(_ decide: (OfficeLog) throws(StoreError) -> OfficeRecord?) throws(StoreError) -> OfficeRecord? {
        guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user; nothing was written") }
        return try withLock(.exclusive) { () throws(StoreError) -> OfficeRecord? in
            let log = try readOfficeLogUnlocked()
            guard let record = try decide(log) else { return nil }
            guard OfficeRecord.isValidKind(record.kind), !record.id.isEmpty, !record.author.isEmpty,
                  record.fields.keys.allSatisfy({ !OfficeRecord.reservedKeys.contains($0) && !$0.isEmpty }) else {
                throw StoreError(.io, file: officeLogPath, message: "refused to write a malformed office record (kind '\(record.kind)'); nothing was written")
            }
            _ = try prepareForWriting()
            try FileIO.appendLines(Data((OfficeLogCodec.encode(record) + "\n").utf8), to: officeLogPath)
            return record
        }
    }
}

/// One office record per line, keys in a fixed order: id, time, author, kind, then the fields by name.
enum OfficeLogCodec {
    static func encode(_ record: OfficeRecord) -> String {
        var parts = [
            "\"id\":\(JSONString.quote(record.id))",
            "\"time\":\"\(record.time.description)\"",
            "\"author\":\(JSONString.quote(record.author))",
            "\"kind\":\(JSONString.quote(record.kind))",
        ]
        for key in record.fields.keys.sorted() {
            switch record.fields[key]! {
            case .text(let value): parts.append("\(JSONString.quote(key)):\(JSONString.quote(value))")
            case .list(let values): parts.append("\(JSONString.quote(key)):[\(values.map { JSONString.quote($0) }.joined(separator: ","))]")
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    typealias LineError = EventCodec.LineError

    static func decode(_ line: ArraySlice<UInt8>) throws(LineError) -> OfficeRecord {
        let bytes = Array(line)
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw LineError(offset: error.offset, message: error.message) }
        guard case .object(let members, _) = root else {
            throw LineError(offset: 0, message: "expected an office record object, found \(root.kindName)")
        }
        func text(_ key: String) throws(LineError) -> String {
            guard let value = root[key] else { throw LineError(offset: 0, message: "missing \"\(key)\"") }
            guard let s = value.stringValue, !s.isEmpty else {
                throw LineError(offset: value.offset, message: "\"\(key)\" must be a non-empty string, found \(value.kindName)")
            }
            return s
        }
        let id = try text("id")
        let timeText = try text("time")
        guard let time = Timestamp(parsing: timeText) else {
            throw LineError(offset: root["time"]!.offset, message: "\"time\" must be a UTC time like 2026-11-29T04:40:06.123Z, found '\(timeText)'")
        }
        let author = try text("author")
        let kind = try text("kind")
        guard OfficeRecord.isValidKind(kind) else {
            throw LineError(offset: root["kind"]!.offset, message: "\"kind\" must be lowercase words joined by '.', like round.open; found '\(kind)'")
        }
        var fields: [String: OfficeValue] = [:]
        for member in members where !OfficeRecord.reservedKeys.contains(member.key) {
            switch member.value {
            case .string(let s, _): fields[member.key] = .text(s)
            case .array(let items, _):
                var values: [String] = []
                for item in items {
                    guard let s = item.stringValue else {
                        throw LineError(offset: item.offset, message: "\"\(member.key)\" must hold strings only, found \(item.kindName)")
                    }
                    values.append(s)
                }
                fields[member.key] = .list(values)
            default:
                throw LineError(offset: member.value.offset, message: "\"\(member.key)\" must be a string or a list of strings, found \(member.value.kindName)")
            }
        }
        return OfficeRecord(id: id, time: time, author: author, kind: kind, fields: fields)
    }

    /// Every good record once (the first line of an id wins; a second line with other content is
    /// reported), in fold order, and every bad line as a located problem.
    static func read(_ bytes: [UInt8], file: String) -> OfficeLog {
        var byID: [String: OfficeRecord] = [:]
        var log = OfficeLog()
        JSONLines.forEach(bytes) { lineNumber, line, terminated in
            do throws(EventCodec.LineError) {
                let record = try decode(line)
                if let earlier = byID[record.id] {
                    if earlier != record {
                        log.problems.append(StoreProblem(.error, file: file, location: SourceLocation(line: lineNumber, column: 1),
                            message: "office record id \(record.id) appears twice with different content; the first line is used"))
                    }
                } else {
                    byID[record.id] = record
                }
            } catch {
                log.problems.append(JSONLines.problem(error, line: line, number: lineNumber, terminated: terminated, file: file))
            }
        }
        log.records = byID.values.sorted(by: OfficeRecord.foldOrder)
        return log
    }
}
