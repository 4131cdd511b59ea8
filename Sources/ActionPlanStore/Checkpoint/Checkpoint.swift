import ActionPlanModel

/// A journal's derived, disposable checkpoint: the fold of a prefix of the journal, and which prefix.
///
/// Kept in `.checkpoints/XX.fold` beside the journals (never in `states/`, never committed). It is
/// trusted only when the journal still starts with the bytes it covers (their length and hash (`PrefixHash`)
/// match); then reading the journal means this fold plus the bytes after `length`. Deleting it changes
/// nothing but speed. The file is plain text, line by line:
///
/// ```
/// actionplan-checkpoint 3 XA
/// covers LENGTH LINES HASH STAMP          STAMP: inode:size:seconds:nanoseconds of the journal, or -
/// order 1|0                               whether the covered lines are in strictly increasing (time, id) order
/// problem error|warning LINE COLUMN "message"   (a damaged line in the covered prefix, reported again)
/// pair OMITTED COUNT                      then, if OMITTED > 0, the start as one event line, then COUNT event lines
/// kind ID undo|redo                       after a pair's events: whether a kept compensating event is an undo or a redo
/// end HASH                                a hash of every byte before this line (a torn file is ignored)
/// ```
struct Checkpoint: Equatable {
    /// 2: `order` and `kind` lines (issue 10); 3: events carry a follow-up field (issue 12); 4: the prefix
    /// hash is taken 8 bytes at a time (`PrefixHash`). A checkpoint of another version is simply rebuilt.
    static let version = 4

    var state: String
    /// Bytes of the journal covered (always whole lines).
    var length: Int64
    /// Lines in those bytes.
    var lines: Int
    /// `PrefixHash` of those bytes.
    var hash: UInt64
    /// The journal's `stat` when the checkpoint was written, if it was old enough to be a safe shortcut.
    var stamp: FileStamp?
    /// Problems of the covered lines (damaged lines stay on disk and are reported on every read).
    var problems: [LineProblem]
    var windows: [PairWindow]
    /// Whether the covered lines are in strictly increasing (time, id) order: then the journal can be read
    /// backwards page by page as history (see `Store.newestChanges`).
    var ordered = false

    struct LineProblem: Equatable {
        var severity: StoreProblem.Severity
        var line: Int
        var column: Int
        var message: String

        init(severity: StoreProblem.Severity, line: Int, column: Int, message: String) {
            self.severity = severity
            self.line = line
            self.column = column
            self.message = message
        }

        init(_ problem: StoreProblem) {
            self.init(severity: problem.severity, line: problem.location?.line ?? 0, column: problem.location?.column ?? 0,
                      message: problem.message)
        }

        func problem(file: String) -> StoreProblem {
            StoreProblem(severity, file: file, location: SourceLocation(line: line, column: column), message: message)
        }
    }

    // MARK: - Writing

    func encoded() -> [UInt8] {
        var text = "actionplan-checkpoint \(Self.version) \(state)\n"
        let stampText = stamp.map { "\($0.inode):\($0.size):\($0.seconds):\($0.nanoseconds)" } ?? "-"
        text += "covers \(length) \(lines) \(PrefixHash.hex(hash)) \(stampText)\n"
        text += "order \(ordered ? 1 : 0)\n"
        for problem in problems {
            text += "problem \(problem.severity.rawValue) \(problem.line) \(problem.column) \(JSONString.quote(problem.message))\n"
        }
        for window in windows {
            text += "pair \(window.omitted) \(window.events.count)\n"
            if window.omitted > 0 { text += CheckpointEventCodec.encode(Self.startEvent(window, state: state)) + "\n" }
            for event in window.events { text += CheckpointEventCodec.encode(event) + "\n" }
            for (id, kind) in window.compensations.sorted(by: { $0.key < $1.key }) { text += "kind \(id) \(kind.rawValue)\n" }
        }
        var bytes = Array(text.utf8)
        bytes += Array("end \(PrefixHash.hex(PrefixHash.check(bytes[...])))\n".utf8)
        return bytes
    }

    /// The assessment a cut pair starts from, written as an event that builds it from nothing.
    private static func startEvent(_ window: PairWindow, state: String) -> ChangeEvent {
        let start = window.start
        var event = ChangeEvent(id: "~start", time: start.updatedAt ?? Timestamp(milliseconds: 0), author: start.updatedBy ?? "~",
                                state: state, action: window.action, base: nil, status: start.status, note: start.note,
                                evidenceAdded: start.evidence.isEmpty ? nil : start.evidence, evidenceRemoved: nil, undoes: nil)
        event.followUp = start.followUp.map { .set($0) }
        return event
    }

    // MARK: - Reading

    /// The checkpoint in `bytes`, or nil when it is torn, damaged or of another version (then it is
    /// simply rebuilt).
    static func decode(_ bytes: [UInt8], state: String) -> Checkpoint? {
        // The last line must be `end HASH` over everything before it.
        guard bytes.last == 0x0A, bytes.count > 21 else { return nil }
        let endStart = bytes.count - 21
        guard bytes[endStart..<endStart + 4].elementsEqual("end ".utf8),
              String(decoding: bytes[endStart + 4..<bytes.count - 1], as: UTF8.self) == PrefixHash.hex(PrefixHash.check(bytes[..<endStart]))
        else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in decodeLines(UnsafeBufferPointer(rebasing: buffer[..<endStart]), state: state) }
    }

    /// The lines before `end HASH`, walked in place (a warm start reads some 25,000 of them).
    private static func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>, state: String) -> Checkpoint? {
        var from = 0
        func nextLine() -> UnsafeBufferPointer<UInt8>? {
            guard from < bytes.count else { return nil }
            var end = from
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { from = end + 1 }
            return UnsafeBufferPointer(rebasing: bytes[from..<end])
        }
        guard let first = nextLine(), let second = nextLine() else { return nil }
        let header = String(decoding: first, as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[0] == "actionplan-checkpoint", header[1] == "\(version)", header[2] == state else { return nil }
        let covers = String(decoding: second, as: UTF8.self).split(separator: " ")
        guard covers.count == 5, covers[0] == "covers", let length = Int64(covers[1]), let count = Int(covers[2]),
              let hash = UInt64(covers[3], radix: 16) else { return nil }
        var stamp: FileStamp?
        if covers[4] != "-" {
            let parts = covers[4].split(separator: ":")
            guard parts.count == 4, let inode = UInt64(parts[0]), let size = Int64(parts[1]), let seconds = Int64(parts[2]),
                  let nanoseconds = Int64(parts[3]) else { return nil }
            stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        }
        var checkpoint = Checkpoint(state: state, length: length, lines: count, hash: hash, stamp: stamp, problems: [], windows: [])
        var reuse = CheckpointEventCodec.Reuse(state: state)
        func event(_ line: UnsafeBufferPointer<UInt8>) -> ChangeEvent? {
            var fields = CheckpointEventCodec.FieldCursor(line)
            return fields.event(reusing: &reuse)
        }
        guard let order = nextLine(), order.count == 7, order.starts(with: "order ".utf8), order[6] == 0x30 || order[6] == 0x31 else { return nil }
        checkpoint.ordered = order[6] == 0x31
        while let line = nextLine() {
            if line.starts(with: "problem ".utf8) {
                let fields = String(decoding: line, as: UTF8.self).split(separator: " ", maxSplits: 4)
                guard fields.count == 5, let severity = StoreProblem.Severity(rawValue: String(fields[1])),
                      let number = Int(fields[2]), let column = Int(fields[3]),
                      let message = try? JSONParser.parse(Array(fields[4].utf8)).stringValue else { return nil }
                checkpoint.problems.append(LineProblem(severity: severity, line: number, column: column, message: message))
                continue
            }
            if line.starts(with: "kind ".utf8) {
                let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
                guard fields.count == 3, let kind = Compensation(rawValue: String(fields[2])), !checkpoint.windows.isEmpty else { return nil }
                checkpoint.windows[checkpoint.windows.count - 1].compensations[String(fields[1])] = kind
                continue
            }
            // `pair OMITTED COUNT`
            guard line.starts(with: "pair ".utf8) else { return nil }
            let numbers = UnsafeBufferPointer(rebasing: line[5...])
            guard let space = numbers.firstIndex(of: 0x20),
                  let omitted = CheckpointEventCodec.FieldCursor.number(UnsafeBufferPointer(rebasing: numbers[..<space])),
                  let count = CheckpointEventCodec.FieldCursor.number(UnsafeBufferPointer(rebasing: numbers[(space + 1)...])),
                  omitted >= 0, count > 0, count <= bytes.count else { return nil }
            var start = Assessment.unassessed
            if omitted > 0 {
                guard let line = nextLine(), let event = event(line) else { return nil }
                // Built directly, not applied: `apply` checks each evidence reference against the list.
                start = Assessment(status: event.status ?? .notAssessed, note: event.note ?? "", evidence: event.evidenceAdded ?? [],
                                   updatedAt: event.time, updatedBy: event.author, followUp: event.followUp?.value)
            }
            var events: [ChangeEvent] = []
            events.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let line = nextLine(), let event = event(line) else { return nil }
                events.append(event)
            }
            checkpoint.windows.append(PairWindow(action: events[0].action, start: start, omitted: Int(omitted), events: events))
        }
        return checkpoint
    }
}
