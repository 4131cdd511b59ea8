/// Whether an event undoes or redoes an earlier one.
///
/// Undo and redo are both recorded as compensating events (`undoes` names the event compensated), so
/// the kind is the parity of the chain: compensating a plain change is an undo, compensating an undo is
/// a redo, compensating a redo is an undo again. Reports use it to label the two and to net them out.
public enum Compensation: String, Sendable, Equatable {
    case undo, redo

    /// The kind of `event`, following `undoes` through `lookup` (an event by id); nil for a plain change.
    public static func of(_ event: ChangeEvent, lookup: (String) -> ChangeEvent?) -> Compensation? {
        guard var target = event.undoes else { return nil }
        var kind = Compensation.undo
        var seen: Set<String> = [event.id]
        while let earlier = lookup(target), let next = earlier.undoes, seen.insert(earlier.id).inserted {
            kind = kind == .undo ? .redo : .undo
            target = next
        }
        return kind
    }
}

extension Journal {
    /// Whether `event` (of this journal) undoes or redoes an earlier event; nil for a plain change.
    ///
    /// The chain is followed through the events in memory; where it reaches an event that a checkpoint
    /// left out, the kind recorded for that event when the whole history was read finishes it.
    public func compensation(of event: ChangeEvent) -> Compensation? {
        guard var target = event.undoes else { return nil }
        if let known = knownCompensations[event.id] { return known }
        var flips = 0
        var seen: Set<String> = [event.id]
        while seen.insert(target).inserted {
            if let known = knownCompensations[target] { return Compensation.undo.flipped(flips + (known == .undo ? 1 : 0)) }
            guard let earlier = events.last(where: { $0.id == target }), let next = earlier.undoes else { break }
            flips += 1
            target = next
        }
        return Compensation.undo.flipped(flips)
    }

    /// Whether `compensation(of:)` can tell the kind of `event` exactly: it compensates nothing, or its
    /// target is in memory or of a known kind. A store reading a journal through its checkpoint reads
    /// the whole journal when an appended event fails this (an undo of a change older than those kept).
    public func knowsCompensation(of event: ChangeEvent) -> Bool {
        guard let target = event.undoes else { return true }
        return knownCompensations[target] != nil || events.contains { $0.id == target }
    }
}

extension Compensation {
    /// The kind after `count` more links of an `undoes` chain (each link turns an undo into a redo and back).
    func flipped(_ count: Int) -> Compensation { count % 2 == 0 ? self : (self == .undo ? .redo : .undo) }
}
