import ActionPlanModel

/// A journal's trend tallies kept on disk: `.checkpoints/XX.trend`, beside its checkpoint.
///
/// Derived and disposable like a checkpoint, and trusted by the same rule (`Store.trustsPrefix`): only
/// while the journal is still exactly the bytes it was folded from (same length and FNV-1a hash, or the
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
    static func decode(_ bytes: [UInt8], state: String) -> TrendCache? {
        guard bytes.last == 0x0A, bytes.count > 21 else { return nil }
        let endStart = bytes.count - 21
        guard bytes[endStart..<endStart + 4].elementsEqual("end ".utf8),
              String(decoding: bytes[endStart + 4..<bytes.count - 1], as: UTF8.self) == PrefixHash.hex(PrefixHash.check(bytes[..<endStart]))
        else { return nil }
        let lines = String(decoding: bytes[..<endStart], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map { $0.split(separator: " ", omittingEmptySubsequences: false) }
        guard lines.count >= 3,
              lines[0] == ["actionplan-trend", "\(version)"[...], state[...]],
              lines[1].count == 4, lines[1][0] == "covers", let length = Int64(lines[1][1]), let hash = UInt64(lines[1][2], radix: 16),
              lines[2].count == 2, lines[2][0] == "renames" else { return nil }
        var stamp: FileStamp?
        if lines[1][3] != "-" {
            let parts = lines[1][3].split(separator: ":")
            guard parts.count == 4, let inode = UInt64(parts[0]), let size = Int64(parts[1]), let seconds = Int64(parts[2]),
                  let nanoseconds = Int64(parts[3]) else { return nil }
            stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        }
        let renames = lines[2][1] == "-" ? "" : String(lines[2][1])
        var rest = lines.dropFirst(3)
        var pillarIDs: [String] = []
        var actions: [[String]] = []
        while let fields = rest.first, fields.first == "pillar" {
            guard fields.count >= 2 else { return nil }
            pillarIDs.append(String(fields[1]))
            actions.append(fields.dropFirst(2).map(String.init))
            rest = rest.dropFirst()
        }
        let width = pillarIDs.count * Status.allCases.count
        var tallies = TrendTallies(pillarIDs: pillarIDs, first: [Timestamp?](repeating: nil, count: pillarIDs.count),
                                   latest: nil, through: nil, changes: [:])
        for fields in rest {
            switch fields.first {
            case "first":
                guard fields.count == 3, let p = Int(fields[1]), tallies.first.indices.contains(p), let ms = Int64(fields[2]) else { return nil }
                tallies.first[p] = Timestamp(milliseconds: ms)
            case "latest":
                guard fields.count == 2, let ms = Int64(fields[1]) else { return nil }
                tallies.latest = Timestamp(milliseconds: ms)
            case "month":
                guard fields.count == 2 + width, let month = Int(fields[1]) else { return nil }
                var moves: [Int] = []
                moves.reserveCapacity(width)
                for field in fields.dropFirst(2) {
                    guard let move = Int(field) else { return nil }
                    moves.append(move)
                }
                tallies.changes[month] = moves
            default:
                return nil
            }
        }
        return TrendCache(state: state, length: length, hash: hash, stamp: stamp, renames: renames, actions: actions, tallies: tallies)
    }
}
