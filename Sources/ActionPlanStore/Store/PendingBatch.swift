import Foundation
import ActionPlanModel

/// A write of several events, recorded in `.pending/` before any journal is touched (a redo journal).
///
/// The file holds one event line per event, exactly as it goes into its journal, then a closing line
/// with the batch id, the count, a checksum of the event lines and the size of each target journal
/// before the batch. Written as `.pending/ID.tmp`, `fsync`ed, then renamed to `ID.jsonl`: that rename
/// is the commit point. A `.tmp` batch was never committed and is discarded; a `.jsonl` batch is
/// completed (rolled forward) by the next writer or reader, so a batch is visible whole or not at all.
struct PendingBatch: Equatable {
    var id: String
    /// The event lines by State code, each line ending in a newline, in the order they are appended.
    var lines: [(state: String, line: String)]
    /// The size of each target journal before the batch (to cut off a torn partial append).
    var offsets: [String: Int64]

    static func == (a: PendingBatch, b: PendingBatch) -> Bool {
        a.id == b.id && a.offsets == b.offsets && a.lines.map(\.line) == b.lines.map(\.line)
    }

    /// The States the batch writes to, sorted.
    var states: [String] { Array(Set(lines.map(\.state))).sorted() }

    /// The bytes the batch appends to one journal.
    func bytes(for state: String) -> [UInt8] {
        Array(lines.filter { $0.state == state }.map(\.line).joined().utf8)
    }

    // MARK: - The file

    func encoded() -> Data {
        let body = lines.map(\.line).joined()
        let offsetsText = offsets.keys.sorted().map { "\(JSONString.quote($0)):\(offsets[$0]!)" }.joined(separator: ",")
        let closing = "{\"batch\":\(JSONString.quote(id)),\"count\":\(lines.count),"
            + "\"checksum\":\"\(Self.checksum(Array(body.utf8)))\",\"offsets\":{\(offsetsText)}}\n"
        return Data((body + closing).utf8)
    }

    /// Reads a committed batch file; nil with a reason when it is damaged (it is then quarantined).
    static func decode(_ data: Data) -> Result<PendingBatch, BatchDamage> {
        let bytes = [UInt8](data)
        guard bytes.last == 0x0A else { return .failure(BatchDamage(reason: "the file does not end with its closing line")) }
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && i + 1 < bytes.count { starts.append(i + 1) }
        let closingStart = starts.last!
        let closing: JSONValue
        do { closing = try JSONParser.parse(Array(bytes[closingStart..<(bytes.count - 1)])) } catch {
            return .failure(BatchDamage(reason: "unreadable closing line: \(error.message)"))
        }
        guard let id = closing["batch"]?.stringValue, let count = closing["count"]?.numberValue,
              let sum = closing["checksum"]?.stringValue, case .object(let fields, _)? = closing["offsets"] else {
            return .failure(BatchDamage(reason: "the closing line lacks batch, count, checksum or offsets"))
        }
        let body = Array(bytes[0..<closingStart])
        guard checksum(body) == sum else { return .failure(BatchDamage(reason: "checksum mismatch")) }
        guard Double(starts.count - 1) == count else {
            return .failure(BatchDamage(reason: "expected \(count) events, found \(starts.count - 1)"))
        }
        var offsets: [String: Int64] = [:]
        for field in fields {
            guard let value = field.value.numberValue, value >= 0, value < 9e15 else {
                return .failure(BatchDamage(reason: "bad offset for \(field.key)"))
            }
            offsets[field.key] = Int64(value)
        }
        var lines: [(String, String)] = []
        for (n, start) in starts.dropLast().enumerated() {
            let end = starts[n + 1]
            let slice = bytes[start..<(end - 1)]
            guard let event = try? EventCodec.decode(slice) else {
                return .failure(BatchDamage(reason: "line \(n + 1) is not an event"))
            }
            guard offsets[event.state] != nil else { return .failure(BatchDamage(reason: "line \(n + 1) names an unknown journal")) }
            lines.append((event.state, String(decoding: bytes[start..<end], as: UTF8.self)))
        }
        return .success(PendingBatch(id: id, lines: lines, offsets: offsets))
    }

    /// FNV-1a, 64 bits, as hex: enough to tell a complete batch file from a damaged one.
    static func checksum(_ bytes: [UInt8]) -> String {
        let hex = String(FNV1a.of(bytes), radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Why a batch file in `.pending/` cannot be completed.
struct BatchDamage: Error, Equatable {
    var reason: String
}
