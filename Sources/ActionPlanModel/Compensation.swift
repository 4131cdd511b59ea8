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
    public func compensation(of event: ChangeEvent) -> Compensation? {
        guard event.undoes != nil else { return nil }
        return Compensation.of(event) { id in events.last { $0.id == id } }
    }
}
