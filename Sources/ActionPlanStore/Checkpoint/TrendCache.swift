import ActionPlanModel

/// A journal's trend tallies kept on disk: `.checkpoints/XX.trend`, beside its checkpoint.
///
/// Derived and disposable like a checkpoint, and trusted by the same rule (`Store.trustsPrefix`): only
/// while the journal is still exactly the bytes it was folded from (same length and FNV-1a hash, or the
/// unchanged-`stat` shortcut), and only for the same catalog layout (each pillar's trackable actions).
/// The tallies are folded without an end (every month up to the newest event), so they serve any series
/// ending at or after the newest event whatever the day. Plain text, line by line:
///
/// ```
/// actionplan-trend 1 XA
/// covers LENGTH HASH STAMP          the whole journal: STAMP as in a checkpoint (inode:size:s:ns, or -)
/// layout HASH                       FNV-1a of TrendTallies.layout(pillars) and the id mapping's digest
/// pillars ID ID …                   the layout's pillar ids, in catalog order
/// first P MILLISECONDS              per pillar with an event: its earliest event (P: index in `pillars`)
/// latest MILLISECONDS               the newest event of a trackable action (absent: none)
/// month NUMBER MOVE MOVE …          year*12+month-1, then pillars × statuses moves (status rank order)
/// end HASH                          a hash of every byte before this line (a torn file is ignored)
/// ```
struct TrendCache: Equatable {
    static let version = 1

    var state: String
    /// Journal bytes folded: the whole file when written.
    var length: Int64
    var hash: UInt64
    var stamp: FileStamp?
    var layout: UInt64
    var tallies: TrendTallies

    /// The key of a cache: the catalog layout, and the catalog id mapping the journal's events were read
    /// through (`RenameBook.digest`; an installation that maps an orphan onto an action keeps the layout).
    static func layoutHash(_ pillars: [Pillar], renames: String = "") -> UInt64 {
        PrefixHash.of(Array((TrendTallies.layout(pillars) + (renames.isEmpty ? "" : "\nrenames " + renames)).utf8)[...])
    }

    func encoded() -> [UInt8] {
        var text = "actionplan-trend \(Self.version) \(state)\n"
        let stampText = stamp.map { "\($0.inode):\($0.size):\($0.seconds):\($0.nanoseconds)" } ?? "-"
        text += "covers \(length) \(PrefixHash.hex(hash)) \(stampText)\n"
        text += "layout \(PrefixHash.hex(layout))\n"
        text += (["pillars"] + tallies.pillarIDs).joined(separator: " ") + "\n"
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
        guard lines.count >= 4,
              lines[0] == ["actionplan-trend", "\(version)"[...], state[...]],
              lines[1].count == 4, lines[1][0] == "covers", let length = Int64(lines[1][1]), let hash = UInt64(lines[1][2], radix: 16),
              lines[2].count == 2, lines[2][0] == "layout", let layout = UInt64(lines[2][1], radix: 16),
              lines[3].first == "pillars" else { return nil }
        var stamp: FileStamp?
        if lines[1][3] != "-" {
            let parts = lines[1][3].split(separator: ":")
            guard parts.count == 4, let inode = UInt64(parts[0]), let size = Int64(parts[1]), let seconds = Int64(parts[2]),
                  let nanoseconds = Int64(parts[3]) else { return nil }
            stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        }
        let pillarIDs = lines[3].dropFirst().map(String.init)
        let width = pillarIDs.count * Status.allCases.count
        var tallies = TrendTallies(pillarIDs: pillarIDs, first: [Timestamp?](repeating: nil, count: pillarIDs.count),
                                   latest: nil, through: nil, changes: [:])
        for fields in lines.dropFirst(4) {
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
        return TrendCache(state: state, length: length, hash: hash, stamp: stamp, layout: layout, tallies: tallies)
    }
}
