import Foundation

/// The events of one State, and their fold into current assessments.
///
/// Events are kept in fold order (time, then id) whatever order the file had, because two offices
/// merging a store through git (`merge=union`) interleave lines.
public struct Journal: Sendable, Equatable {
    public let state: String
    public private(set) var events: [ChangeEvent]
    /// The assessments as of the last event, by action id.
    public private(set) var current: [String: Assessment]

    public init(state: String, events: [ChangeEvent] = []) {
        self.state = state
        let sorted = Self.isSorted(events) ? events : Self.sortedForFold(events)
        self.events = sorted
        current = Self.fold(sorted, through: nil)
    }

    /// Adds an event; cheap when it is the newest (the usual case).
    public mutating func append(_ event: ChangeEvent) {
        if let last = events.last, ChangeEvent.foldOrder(event, last) {
            events = Self.sortedForFold(events + [event])
            current = Self.fold(events, through: nil)
        } else {
            events.append(event)
            current[event.action, default: .unassessed].apply(event)
        }
    }

    /// The assessment of an action now (unassessed when it has no event).
    public func assessment(of action: String) -> Assessment { current[action] ?? .unassessed }

    /// The assessments as they were at `instant` (inclusive).
    public func assessments(asOf instant: Timestamp?) -> [String: Assessment] {
        guard let instant else { return current }
        return Self.fold(events, through: instant)
    }

    /// The events of one action, oldest first.
    public func events(for action: String) -> [ChangeEvent] { events.filter { $0.action == action } }

    static func fold(_ events: [ChangeEvent], through instant: Timestamp?) -> [String: Assessment] {
        var result: [String: Assessment] = [:]
        for event in events {
            if let instant, event.time > instant { break }
            result[event.action, default: .unassessed].apply(event)
        }
        return result
    }

    /// Sorts by (time, id) through an index permutation: moving whole events while sorting costs
    /// far more than moving integers (each event holds several reference-counted strings).
    private static func sortedForFold(_ events: [ChangeEvent]) -> [ChangeEvent] {
        let order = events.indices.sorted { a, b in
            let x = events[a], y = events[b]
            return x.time != y.time ? x.time < y.time : x.id < y.id
        }
        return order.map { events[$0] }
    }

    private static func isSorted(_ events: [ChangeEvent]) -> Bool {
        zip(events, events.dropFirst()).allSatisfy { !ChangeEvent.foldOrder($1, $0) }
    }
}
