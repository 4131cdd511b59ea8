/// The causal order of one State × action: which event follows which, which events are heads, and
/// whether the heads disagree (a conflict).
///
/// Line order never matters (git's union merge interleaves lines), and wall-clock time orders only
/// the events written before store format 2, which have no `base`:
/// 1. Events are deduplicated by id (a union merge can add the same line twice).
/// 2. Events without base are chained in (time, id) order, as format 1 folded them.
/// 3. An event comes after every event it names as base. Its height is 1 + the highest height of its
///    bases, and the pair's events are folded in (height, id) order, which is a topological order.
/// 4. The heads are the events no other event names as a base. The last event of the order is the
///    provisional winner of a conflict: the side with the longer history, then the larger id. Never
///    the later clock, or a machine dated 2099 would win every conflict.
struct PairOrder: Sendable, Equatable {
    /// Indices into the journal's events, in fold order.
    var order: [Int32]
    /// Indices of the head events, sorted by event id.
    var heads: [Int32]
    /// When the heads disagree: each head with the assessment its writer saw and made.
    var sides: [ConflictSide]?
    /// Base ids that name no event of this pair (a partial sync, or a base in another pair).
    var missingBases: [String]
    /// Problems found while ordering (duplicates with different content, cycles).
    var issues: [JournalIssue]
    /// For a history that is not one chain (concurrent branches): each event's bases, as indices into
    /// the journal's events, so "the value before this event" is the fold of its own ancestors. Nil for
    /// a chain, where it is simply the fold of the events before it.
    var bases: [Int32: [Int32]]? = nil
    /// For a pair read through a checkpoint: the assessment after the events that are not kept in
    /// memory (the fold starts here), and how many such events there are. Only a chain is cut this way.
    var start: Assessment = .unassessed
    var omitted: Int = 0

    /// Orders the events at `indices` (all of one action) of `events`.
    static func build(_ indices: [Int32], in events: [ChangeEvent]) -> (PairOrder, duplicates: [Int32]) {
        if let chain = fastChain(indices, in: events) { return (chain, []) }
        return general(indices, in: events)
    }

    /// The common cases without a dictionary: a chain where each event is based on the one before it
    /// in file order, or only format-1 events already in (time, id) order.
    private static func fastChain(_ indices: [Int32], in events: [ChangeEvent]) -> PairOrder? {
        guard let first = indices.first else { return PairOrder(order: [], heads: [], sides: nil, missingBases: [], issues: []) }
        if events[Int(first)].base != nil {
            guard events[Int(first)].base!.isEmpty else { return nil }
            var previous = events[Int(first)].id
            for i in indices.dropFirst() {
                guard let base = events[Int(i)].base, base.count == 1, base[0] == previous else { return nil }
                previous = events[Int(i)].id
            }
        } else {
            var previous = events[Int(first)]
            for i in indices.dropFirst() {
                let event = events[Int(i)]
                guard event.base == nil,
                      previous.time < event.time || (previous.time == event.time && previous.id < event.id) else { return nil }
                previous = event
            }
        }
        return PairOrder(order: indices, heads: [indices.last!], sides: nil, missingBases: [], issues: [])
    }

    private static func general(_ indices: [Int32], in events: [ChangeEvent]) -> (PairOrder, duplicates: [Int32]) {
        var issues: [JournalIssue] = []
        var duplicates: [Int32] = []
        // 1. Deduplicate by id.
        var local: [String: Int] = [:]
        var members: [Int32] = []
        for i in indices {
            let event = events[Int(i)]
            if let seen = local[event.id] {
                duplicates.append(i)
                if events[Int(members[seen])] != event {
                    issues.append(.conflictingDuplicate(id: event.id))
                }
                continue
            }
            local[event.id] = members.count
            members.append(i)
        }
        let count = members.count
        // 2. Format-1 events chained in (time, id) order.
        var bases = [[Int]](repeating: [], count: count)
        var missing: [String] = []
        let legacy = (0..<count).filter { events[Int(members[$0])].base == nil }
            .sorted { a, b in ChangeEvent.foldOrder(events[Int(members[a])], events[Int(members[b])]) }
        for (n, m) in legacy.enumerated() where n > 0 { bases[m] = [legacy[n - 1]] }
        // 3. Named bases.
        for m in 0..<count {
            guard let named = events[Int(members[m])].base else { continue }
            for id in named {
                if let target = local[id] { bases[m].append(target) } else if !missing.contains(id) { missing.append(id) }
            }
        }
        // Heights by depth-first search; an edge that closes a cycle is reported and ignored.
        var height = [Int](repeating: 0, count: count)
        var mark = [UInt8](repeating: 0, count: count)   // 0 new, 1 on the stack, 2 done
        for root in 0..<count where mark[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            mark[root] = 1
            while let top = stack.last {
                let node = top.node
                if top.next < bases[node].count {
                    stack[stack.count - 1].next += 1
                    let target = bases[node][top.next]
                    switch mark[target] {
                    case 0: mark[target] = 1; stack.append((target, 0))
                    case 1:
                        issues.append(.cycle(id: events[Int(members[node])].id))
                        bases[node].remove(at: top.next)
                        stack[stack.count - 1].next -= 1
                    default: break
                    }
                } else {
                    height[node] = 1 + (bases[node].map { height[$0] }.max() ?? 0)
                    mark[node] = 2
                    stack.removeLast()
                }
            }
        }
        let sorted = (0..<count).sorted { a, b in
            height[a] != height[b] ? height[a] < height[b] : events[Int(members[a])].id < events[Int(members[b])].id
        }
        // 4. Heads: named by no other event.
        var named = [Bool](repeating: false, count: count)
        for m in 0..<count { for b in bases[m] { named[b] = true } }
        let heads = (0..<count).filter { !named[$0] }
            .sorted { events[Int(members[$0])].id < events[Int(members[$1])].id }
        var sides: [ConflictSide]?
        if heads.count > 1 {
            let candidates = heads.map { head -> ConflictSide in
                // The assessment as the head's writer left it: the fold of its ancestors and itself.
                var seen = [Bool](repeating: false, count: count)
                var todo = [head]
                seen[head] = true
                while let next = todo.popLast() { for b in bases[next] where !seen[b] { seen[b] = true; todo.append(b) } }
                var assessment = Assessment.unassessed
                for m in sorted where seen[m] { assessment.apply(events[Int(members[m])]) }
                return ConflictSide(head: events[Int(members[head])], assessment: assessment)
            }
            let first = candidates[0].assessment
            if candidates.dropFirst().contains(where: { !$0.assessment.sameValues(as: first) }) { sides = candidates }
        }
        var order = PairOrder(order: sorted.map { members[$0] }, heads: heads.map { members[$0] }, sides: sides,
                              missingBases: missing, issues: issues)
        let chain = sorted.indices.allSatisfy { k in k == 0 ? bases[sorted[k]].isEmpty : bases[sorted[k]] == [sorted[k - 1]] }
        if !chain {
            var graph: [Int32: [Int32]] = [:]
            for m in 0..<count { graph[members[m]] = bases[m].map { members[$0] } }
            order.bases = graph
        }
        return (order, duplicates)
    }
}

extension PairOrder {
    /// The assessment just before `index` as its writer saw it: the fold of the event's ancestors in
    /// fold order (for a chain, simply the events before it).
    func before(_ index: Int32, in events: [ChangeEvent]) -> Assessment {
        var result = start
        guard let bases else {
            for i in order {
                if i == index { break }
                result.apply(events[Int(i)])
            }
            return result
        }
        var ancestors = Set<Int32>()
        var todo = bases[index] ?? []
        while let next = todo.popLast() {
            if ancestors.insert(next).inserted { todo += bases[next] ?? [] }
        }
        for i in order where ancestors.contains(i) { result.apply(events[Int(i)]) }
        return result
    }
}

/// One side of a conflict: a head event and the assessment its writer left.
public struct ConflictSide: Sendable, Equatable, Hashable {
    public var head: ChangeEvent
    public var assessment: Assessment

    public init(head: ChangeEvent, assessment: Assessment) {
        self.head = head
        self.assessment = assessment
    }
}

/// Two or more concurrent changes of one State × action that disagree, until an event based on all
/// of them resolves it.
public struct Conflict: Sendable, Equatable, Hashable {
    public var state: String
    public var action: String
    /// Every head, sorted by event id.
    public var sides: [ConflictSide]
    /// What the fold shows meanwhile (the provisional winner, merged field by field).
    public var shown: Assessment

    public init(state: String, action: String, sides: [ConflictSide], shown: Assessment) {
        self.state = state
        self.action = action
        self.sides = sides
        self.shown = shown
    }

    /// The ids a resolving event must name as its base.
    public var headIDs: [String] { sides.map(\.head.id) }
}

/// Something wrong with the history of a journal that the fold worked around; never silent.
public enum JournalIssue: Sendable, Equatable, Hashable {
    /// The same id with different content: one of them is corrupt.
    case conflictingDuplicate(id: String)
    /// An event's bases lead back to itself (only a hand-edited file can do this).
    case cycle(id: String)
}

extension Assessment {
    /// Same status, note, evidence (in any order) and follow-up: two heads that agree are not a conflict.
    public func sameValues(as other: Assessment) -> Bool {
        status == other.status && note == other.note && Set(evidence) == Set(other.evidence) && followUp == other.followUp
    }
}
