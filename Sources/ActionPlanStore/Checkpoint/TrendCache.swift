import ActionPlanModel

/// A journal's trend tallies kept on disk: `.checkpoints/XX.trend`, beside its checkpoint.
///
/// Derived and disposable like a checkpoint, and trusted by the same rule (`Store.trustsPrefix`): only
/// while the journal is still exactly the bytes it was folded from (same length and `PrefixHash`, or the
/// unchanged-`stat` shortcut), and only for the same catalog layout (each pillar's trackable actions)
/// and id mapping. The tallies are folded without an end (every month up to the newest event), so they
/// serve any series ending at or after the newest event whatever the day. A cache keeps its own layout,
/// so it can follow appended events (`follow`) where the catalog is not at hand (a reload, a `set`), as
/// its journal's checkpoint does. Plain text, line by line:
///
/// ```
/// actionplan-trend 2 XA
/// covers LENGTH HASH STAMP          the journal bytes folded: STAMP as in a checkpoint (inode:size:s:ns, or -)
/// renames DIGEST                    the catalog id mapping the events were read through (- for none)
/// pillar ID ACTION ACTION …         per pillar, in catalog order: its id and trackable action ids
/// first P MILLISECONDS              per pillar with an event: its earliest event (P: index in the pillars)
/// latest MILLISECONDS               the newest event of a trackable action (absent: none)
/// month NUMBER MOVE MOVE …          year*12+month-1, then pillars × statuses moves (status rank order)
/// end HASH                          a hash of every byte before this line (a torn file is ignored)
/// ```
struct TrendCache: Equatable {
    static let version = 2

    var state: String
    /// Journal bytes folded.
    var length: Int64
    var hash: UInt64
    var stamp: FileStamp?
    /// The id mapping's digest (`RenameBook.digest`), empty for none.
    let renames: String
    /// Per pillar of `tallies.pillarIDs`: its trackable action ids.
    let actions: [[String]]
    var tallies: TrendTallies
    /// Action id → pillar index (from `actions`).
    let pillarOf: [String: Int]
    /// This cache's key (`layoutHash` of its pillars, actions and id mapping).
    let layout: UInt64

    init(state: String, length: Int64, hash: UInt64, stamp: FileStamp?, renames: String, actions: [[String]], tallies: TrendTallies) {
        self.state = state
        self.length = length
        self.hash = hash
        self.stamp = stamp
        self.renames = renames
        self.actions = actions
        self.tallies = tallies
        var pillarOf: [String: Int] = [:]
        for (p, ids) in actions.enumerated() { for id in ids { pillarOf[id] = p } }
        self.pillarOf = pillarOf
        layout = Self.layoutHash(TrendTallies.layout(ids: tallies.pillarIDs, actions: actions), renames: renames)
    }

    /// The key a cache is used under: the catalog layout, and the catalog id mapping the journal's events
    /// were read through (`RenameBook.digest`; an installation that maps an orphan onto an action keeps the layout).
    static func layoutHash(_ pillars: [Pillar], renames: String = "") -> UInt64 {
        layoutHash(TrendTallies.layout(pillars), renames: renames)
    }

    static func layoutHash(_ layout: String, renames: String) -> UInt64 {
        PrefixHash.of(Array((layout + (renames.isEmpty ? "" : "\nrenames " + renames)).utf8)[...])
    }

    /// Follows `event`, about to be appended to `journal` (the fold of exactly the bytes this cache
    /// covers), then appends it: false when the tallies cannot follow it (they are then to be folded
    /// again); the event is appended either way.
    mutating func follow(_ event: ChangeEvent, appendingTo journal: inout Journal) -> Bool {
        let cheap = journal.extendsHead(event) && journal.knowsCompensation(of: event)
        let before = journal.assessment(of: event.action).status
        journal.append(event)
        return cheap && tallies.follow(event, pillar: pillarOf[event.action], from: before, to: journal.assessment(of: event.action).status)
    }

    /// Appends `event` to `journal`, and moves `trend` (the tallies of the journal so far) with it, or
    /// drops it when it cannot follow.
    static func append(_ event: ChangeEvent, to journal: inout Journal, moving trend: inout TrendCache?) {
        guard trend != nil else { journal.append(event); return }
        if !trend!.follow(event, appendingTo: &journal) { trend = nil }
    }

    func encoded() -> [UInt8] {
        var text = "actionplan-trend \(Self.version) \(state)\n"
        let stampText = stamp.map { "\($0.inode):\($0.size):\($0.seconds):\($0.nanoseconds)" } ?? "-"
        text += "covers \(length) \(PrefixHash.hex(hash)) \(stampText)\n"
        text += "renames \(renames.isEmpty ? "-" : renames)\n"
        for (id, ids) in zip(tallies.pillarIDs, actions) { text += (["pillar", id] + ids).joined(separator: " ") + "\n" }
        for (p, time) in tallies.first.enumerated() {
            if let time { text += "first \(p) \(time.milliseconds)\n" }
        }
        if let latest = tallies.latest { text += "latest \(latest.milliseconds)\n" }
        for month in tallies.changes.keys.sorted() {
            text += "month \(month) " + tallies.changes[month]!.map(String.init).joined(separator: " ") + "\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array("end \(PrefixHash.hex(PrefixHash.check(bytes[...])))\n".utf8)
        return bytes
    }

    /// The cache in `bytes`, or nil when it is torn, damaged or of another version (then it is rebuilt).
    /// Read field by field from the bytes (a session start reads one per journal).
    static func decode(_ bytes: [UInt8], state: String) -> TrendCache? {
        guard bytes.last == 0x0A, bytes.count > 21 else { return nil }
        let endStart = bytes.count - 21
        guard bytes[endStart..<endStart + 4].elementsEqual("end ".utf8),
              let check = Fields.hex(bytes[endStart + 4..<bytes.count - 1]), check == PrefixHash.check(bytes[..<endStart])
        else { return nil }
        var lines = Fields.lines(bytes[..<endStart])
        guard let header = lines.next(), header.count == 3, header[0].elementsEqual("actionplan-trend".utf8),
              header[1].elementsEqual("\(version)".utf8), header[2].elementsEqual(state.utf8),
              let covers = lines.next(), covers.count == 4, covers[0].elementsEqual("covers".utf8),
              let length = Fields.int(covers[1]).map(Int64.init), let hash = Fields.hex(covers[2]),
              let renamesLine = lines.next(), renamesLine.count == 2, renamesLine[0].elementsEqual("renames".utf8) else { return nil }
        var stamp: FileStamp?
        if !covers[3].elementsEqual("-".utf8) {
            let parts = String(decoding: covers[3], as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 4, let inode = UInt64(parts[0]), let size = Int64(parts[1]), let seconds = Int64(parts[2]),
                  let nanoseconds = Int64(parts[3]) else { return nil }
            stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        }
        let renames = renamesLine[1].elementsEqual("-".utf8) ? "" : String(decoding: renamesLine[1], as: UTF8.self)
        var pillarIDs: [String] = []
        var actions: [[String]] = []
        var line = lines.next()
        while let fields = line, fields.first?.elementsEqual("pillar".utf8) == true {
            guard fields.count >= 2 else { return nil }
            pillarIDs.append(String(decoding: fields[1], as: UTF8.self))
            actions.append(fields.dropFirst(2).map { String(decoding: $0, as: UTF8.self) })
            line = lines.next()
        }
        let width = pillarIDs.count * Status.allCases.count
        var tallies = TrendTallies(pillarIDs: pillarIDs, first: [Timestamp?](repeating: nil, count: pillarIDs.count),
                                   latest: nil, through: nil, changes: [:])
        while let fields = line {
            guard let kind = fields.first else { return nil }
            if kind.elementsEqual("month".utf8) {
                guard fields.count == 2 + width, let month = Fields.int(fields[1]) else { return nil }
                var moves: [Int] = []
                moves.reserveCapacity(width)
                for field in fields.dropFirst(2) {
                    guard let move = Fields.int(field) else { return nil }
                    moves.append(move)
                }
                tallies.changes[month] = moves
            } else if kind.elementsEqual("first".utf8) {
                guard fields.count == 3, let p = Fields.int(fields[1]), tallies.first.indices.contains(p), let ms = Fields.int(fields[2]) else { return nil }
                tallies.first[p] = Timestamp(milliseconds: Int64(ms))
            } else if kind.elementsEqual("latest".utf8) {
                guard fields.count == 2, let ms = Fields.int(fields[1]) else { return nil }
                tallies.latest = Timestamp(milliseconds: Int64(ms))
            } else {
                return nil
            }
            line = lines.next()
        }
        return TrendCache(state: state, length: length, hash: hash, stamp: stamp, renames: renames, actions: actions, tallies: tallies)
    }

    /// Lines of space-separated fields, and numbers, read straight from bytes.
    private enum Fields {
        struct Lines: IteratorProtocol {
            var rest: ArraySlice<UInt8>
            mutating func next() -> [ArraySlice<UInt8>]? {
                guard !rest.isEmpty else { return nil }
                let end = rest.firstIndex(of: 0x0A) ?? rest.endIndex
                let line = rest[rest.startIndex..<end]
                rest = end < rest.endIndex ? rest[(end + 1)...] : rest[end...]
                return line.split(separator: 0x20, omittingEmptySubsequences: false)
            }
        }

        static func lines(_ bytes: ArraySlice<UInt8>) -> Lines { Lines(rest: bytes) }

        /// A decimal integer with an optional minus sign (at most 18 digits).
        static func int(_ field: ArraySlice<UInt8>) -> Int? {
            var digits = field[...]
            let negative = digits.first == UInt8(ascii: "-")
            if negative { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var value = 0
            for byte in digits {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return negative ? -value : value
        }

        /// A hexadecimal UInt64 (1 to 16 digits, lower or upper case).
        static func hex(_ field: ArraySlice<UInt8>) -> UInt64? {
            guard !field.isEmpty, field.count <= 16 else { return nil }
            var value: UInt64 = 0
            for byte in field {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                case 0x41...0x46: digit = byte - 0x41 + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
    }
}
