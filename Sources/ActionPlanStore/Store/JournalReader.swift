import Foundation
import ActionPlanModel

/// Reads a journal line by line, keeping every good event and reporting every bad line.
enum JournalReader {
    static func read(_ data: Data, file: String, state: String, renames: RenameBook) -> ([ChangeEvent], [StoreProblem]) {
        read([UInt8](data), file: file, state: state, renames: renames)
    }

    /// Reads `bytes`, the journal's lines from line number `firstLine` on (a tail after a checkpoint).
    ///
    /// The events come out as the fold sees them: `renames` (the catalog installations' id mappings)
    /// shows an event recorded under an old id under its new id(s); the file is never rewritten.
    static func read(_ bytes: [UInt8], file: String, state: String, firstLine: Int = 1,
                     renames: RenameBook) -> ([ChangeEvent], [StoreProblem]) {
        var events: [ChangeEvent] = []
        var problems: [StoreProblem] = []
        JSONLines.forEach(bytes, firstLine: firstLine) { lineNumber, line, terminated in
            do throws(EventCodec.LineError) {
                let event = try EventCodec.decode(line)
                if event.state != state {
                    problems.append(StoreProblem(.warning, file: file, location: SourceLocation(line: lineNumber, column: 1),
                        message: "event \(event.id) names State '\(event.state)' but is in the journal of '\(state)'; counted for '\(state)'"))
                }
                var kept = event
                kept.state = state
                events.append(kept)
            } catch {
                problems.append(JSONLines.problem(error, line: line, number: lineNumber, terminated: terminated, file: file))
            }
        }
        return (renames.apply(events), problems)
    }
}

/// The lines of a JSON Lines file (journals, the office log): each non-blank line with its number,
/// without its line break (LF or CRLF), and whether it ended with one (a last line without is torn).
enum JSONLines {
    static func forEach(_ bytes: [UInt8], firstLine: Int = 1, _ body: (Int, ArraySlice<UInt8>, Bool) -> Void) {
        var lineNumber = firstLine - 1
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { body(lineNumber, line, end < bytes.count) }
            start = end + 1
        }
    }

    /// A line that could not be read, located at its line and column; kept on disk and ignored.
    static func problem(_ error: EventCodec.LineError, line: ArraySlice<UInt8>, number: Int, terminated: Bool, file: String) -> StoreProblem {
        let column = SourceLocation(offset: error.offset, in: Array(line)).column
        let what = terminated ? "invalid line, kept on disk and ignored: " : "torn last line (an interrupted write?), kept on disk and ignored: "
        return StoreProblem(.error, file: file, location: SourceLocation(line: number, column: column), message: what + error.message)
    }
}
