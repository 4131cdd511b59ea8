/// Renamed, split and merged actions: the id mappings of every catalog installation, applied when a
/// journal is folded.
///
/// Events are never rewritten. An event keeps the action id it was recorded under; the fold shows it
/// under the id the catalog uses now. The mapping of one installation (`catalog.install`, field
/// `renames`, each entry `old>new`) applies to the events recorded up to that installation's time:
///
/// - a rename `A>B` shows A's events under B;
/// - a split `A>B`, `A>C` shows A's events under both B and C (each copy folds on its own);
/// - a merge `A>C`, `B>C` shows both histories under C. Each history keeps its causal chain, so C has
///   two heads: when they end in the same assessment C simply has it; when they disagree C is an open
///   conflict (the longer history's value is shown provisionally), resolved by the next status
///   recorded for C, like any concurrent edit.
///
/// Installations compose in fold order: `A>B` and then `B>C` show A's old events under C.
/// An event recorded after an installation is not mapped by it, so an id that a later catalog reuses
/// starts a fresh history.
public struct RenameBook: Sendable, Equatable {
    /// The office record kind of a catalog installation.
    public static let installKind = "catalog.install"

    /// One installation that renamed, split or merged actions.
    public struct Install: Sendable, Equatable {
        public var time: Timestamp
        public var version: String
        /// Old id → the new ids, in the order of the mapping file.
        public var targets: [String: [String]]
    }

    /// Installations with a mapping, in fold order.
    public private(set) var installs: [Install] = []
    /// Every id some installation maps away: an event under any other id is never mapped (one lookup).
    private var mapped: Set<String> = []

    /// The installations among `records` (in fold order, as `Tracker.office` and `OfficeLog` hold them).
    public init(records: [OfficeRecord]) {
        for record in records where record.kind == Self.installKind {
            guard let entries = record.list("renames"), !entries.isEmpty else { continue }
            var targets: [String: [String]] = [:]
            for entry in entries {
                guard let (old, new) = Self.split(entry) else { continue }
                if !(targets[old]?.contains(new) ?? false) { targets[old, default: []].append(new) }
            }
            if !targets.isEmpty { installs.append(Install(time: record.time, version: record.text("version") ?? "", targets: targets)) }
        }
        mapped = Set(installs.flatMap(\.targets.keys))
    }

    public init(installs: [Install]) {
        self.installs = installs
        mapped = Set(installs.flatMap(\.targets.keys))
    }

    /// Whether no installation mapped anything (the fold then leaves every event as it is).
    public var isEmpty: Bool { installs.isEmpty }

    /// `old>new`, as stored in a record's `renames` list.
    public static func entry(old: String, new: String) -> String { "\(old)>\(new)" }

    static func split(_ entry: String) -> (String, String)? {
        let parts = entry.split(separator: ">", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The ids under which an event recorded for `action` at `time` is shown (usually just `action`).
    public func targets(of action: String, recordedAt time: Timestamp) -> [String] {
        var ids = [action]
        for install in installs where time <= install.time {
            guard ids.contains(where: { install.targets[$0] != nil }) else { continue }
            var next: [String] = []
            for id in ids {
                for target in install.targets[id] ?? [id] where !next.contains(target) { next.append(target) }
            }
            ids = next
        }
        return ids
    }

    /// The events as the fold sees them: each under the id(s) the catalog uses now (a split event
    /// appears once per new id, with the same event id; pairs are folded separately, so the copies
    /// never meet). Costs nothing when no installation mapped anything.
    public func apply(_ events: [ChangeEvent]) -> [ChangeEvent] {
        guard !installs.isEmpty else { return events }
        var result: [ChangeEvent] = []
        result.reserveCapacity(events.count)
        for event in events {
            guard mapped.contains(event.action) else { result.append(event); continue }
            let ids = targets(of: event.action, recordedAt: event.time)
            if ids.count == 1, ids[0] == event.action { result.append(event); continue }
            for id in ids {
                var shown = event
                shown.action = id
                result.append(shown)
            }
        }
        return result
    }

    /// Every old id any installation mapped, with where its events show now (for `catalog` listings).
    public var cumulative: [String: [String]] {
        var result: [String: [String]] = [:]
        for install in installs {
            for old in install.targets.keys {
                result[old] = targets(of: old, recordedAt: Timestamp(milliseconds: Int64.min))
            }
        }
        return result
    }

    /// A short stable key of the mapping (for caches of folded journals): empty when there is none.
    public var digest: String {
        guard !installs.isEmpty else { return "" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for install in installs {
            var text = install.time.description
            for old in install.targets.keys.sorted() { text += "|" + old + ">" + install.targets[old]!.joined(separator: ",") }
            for byte in (text + "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
