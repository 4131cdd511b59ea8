import Testing
import TestSupport
import ActionPlanModel

/// The causal fold: each action's events are ordered by what their writers saw (`base`), never by
/// clocks; concurrent heads that disagree are a conflict until an event based on all of them.
@Suite("Journal: causal history and conflicts")
struct CausalFoldTests {
    /// An event of XA PV-1 based on `base`.
    func e(_ id: String, _ time: String, base: [String]?, _ status: Status? = nil, note: String? = nil,
           by author: String = "alice", action: String = "PV-1") -> ChangeEvent {
        ChangeEvent(id: id, time: Fixture.t(time), author: author, state: "XA", action: action, base: base,
                    status: status, note: note)
    }

    @Test("an event based on the head wins over it, whatever the clocks say (a machine dated 2099)")
    func baseBeatsClock() {
        let ahead = e("far", "2099-01-01T00:00:00Z", base: [], .implemented, by: "clock.ahead")
        let later = e("now", "2026-11-29T10:00:00Z", base: ["far"], .notStarted, by: "bob")
        for events in [[ahead, later], [later, ahead]] {
            let journal = Journal(state: "XA", events: events)
            #expect(journal.assessment(of: "PV-1").status == .notStarted)
            #expect(journal.events(for: "PV-1").map(\.id) == ["far", "now"])
            #expect(journal.conflicts.isEmpty)
            #expect(journal.headIDs(of: "PV-1") == ["now"])
        }
        // Appending on top of the future-dated head also wins.
        var journal = Journal(state: "XA", events: [ahead])
        journal.append(later)
        #expect(journal.assessment(of: "PV-1").status == .notStarted)
    }

    /// ```
    ///        root
    ///       /    \
    ///   alice    bob        (concurrent: neither saw the other)
    /// ```
    @Test("two events on the same head that disagree are a conflict; the winner does not depend on clocks")
    func concurrentDisagree() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], .notStarted)
        let alice = e("a1", "2026-02-01T00:00:00Z", base: ["r"], .inProgress, by: "alice")
        let bob = e("b1", "2099-01-01T00:00:00Z", base: ["r"], .implemented, by: "bob")
        let journal = Journal(state: "XA", events: [bob, root, alice])
        let conflict = try! #require(journal.conflict(of: "PV-1"))
        #expect(conflict.sides.map(\.head.author) == ["alice", "bob"])
        #expect(conflict.sides.map(\.assessment.status) == [.inProgress, .implemented])
        // Same height: the larger id wins, so the 2099 clock does not decide.
        #expect(journal.assessment(of: "PV-1").status == .implemented)
        let earlierClock = Journal(state: "XA", events: [root, e("a1", "2099-01-01T00:00:00Z", base: ["r"], .inProgress),
                                                         e("b1", "2026-02-01T00:00:00Z", base: ["r"], .implemented, by: "bob")])
        #expect(earlierClock.assessment(of: "PV-1").status == .implemented)
        // The side with the longer history wins over a larger id.
        let longer = Journal(state: "XA", events: [root, alice, bob, e("a2", "2026-03-01T00:00:00Z", base: ["a1"], .partiallyImplemented)])
        #expect(longer.assessment(of: "PV-1").status == .partiallyImplemented)
        #expect(longer.isConflicted("PV-1"))
    }

    @Test("concurrent heads that agree are not a conflict (setting what is already there)")
    func concurrentAgree() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], .notStarted)
        let journal = Journal(state: "XA", events: [root, e("a1", "2026-02-01T00:00:00Z", base: ["r"], .implemented),
                                                    e("b1", "2026-02-02T00:00:00Z", base: ["r"], .implemented, by: "bob")])
        #expect(journal.headIDs(of: "PV-1") == ["a1", "b1"])
        #expect(journal.conflict(of: "PV-1") == nil)
    }

    @Test("an event based on every head resolves the conflict")
    func resolution() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], .notStarted)
        var journal = Journal(state: "XA", events: [root, e("a1", "2026-02-01T00:00:00Z", base: ["r"], .inProgress),
                                                    e("b1", "2026-02-01T00:00:00Z", base: ["r"], .implemented, by: "bob")])
        #expect(journal.isConflicted("PV-1"))
        journal.append(e("fix", "2026-02-03T00:00:00Z", base: journal.headIDs(of: "PV-1"), .partiallyImplemented, by: "carol"))
        #expect(!journal.isConflicted("PV-1"))
        #expect(journal.headIDs(of: "PV-1") == ["fix"])
        #expect(journal.assessment(of: "PV-1").status == .partiallyImplemented)
    }

    @Test("events written before format 2 (no base) keep their (time, id) order; the first based event follows them")
    func legacyChain() {
        let old1 = e("o1", "2026-01-01T00:00:00Z", base: nil, .notStarted)
        let old2 = e("o2", "2026-02-01T00:00:00Z", base: nil, .inProgress, note: "old")
        let new = e("n1", "2026-01-15T00:00:00Z", base: ["o2"], .implemented)   // clock behind: still after o2
        let journal = Journal(state: "XA", events: [new, old2, old1])
        #expect(journal.events(for: "PV-1").map(\.id) == ["o1", "o2", "n1"])
        #expect(journal.assessment(of: "PV-1").status == .implemented)
        #expect(journal.assessment(of: "PV-1").note == "old")
        #expect(journal.conflicts.isEmpty)
    }

    @Test("the same line twice (a git union merge) counts once; one id with two contents is reported")
    func duplicates() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], .notStarted)
        let next = e("n", "2026-01-02T00:00:00Z", base: ["r"], .implemented)
        let journal = Journal(state: "XA", events: [root, next, next, root])
        #expect(journal.events.map(\.id) == ["r", "n"])
        #expect(journal.duplicateCount == 2)
        #expect(journal.assessment(of: "PV-1").status == .implemented)
        var forged = next
        forged.status = .notStarted
        let corrupt = Journal(state: "XA", events: [root, next, forged])
        #expect(corrupt.issues == [.conflictingDuplicate(id: "n")])
        let legacy = Journal(state: "XA", events: [e("x", "2026-01-01T00:00:00Z", base: nil, .inProgress),
                                                   e("x", "2026-01-01T00:00:00Z", base: nil, .inProgress)])
        #expect(legacy.events.count == 1 && legacy.duplicateCount == 1)
    }

    @Test("a base that never arrived keeps the event and flags the history as incomplete; a cycle is reported, not looped on")
    func missingBaseAndCycle() {
        let orphan = e("late", "2026-03-01T00:00:00Z", base: ["never-arrived"], .implemented)
        let journal = Journal(state: "XA", events: [e("r", "2026-01-01T00:00:00Z", base: [], .notStarted), orphan])
        #expect(journal.missingBases == ["PV-1": ["never-arrived"]])
        #expect(journal.events.count == 2)
        let loop = Journal(state: "XA", events: [e("p", "2026-01-01T00:00:00Z", base: ["q"], .inProgress),
                                                 e("q", "2026-01-02T00:00:00Z", base: ["p"], .implemented)])
        #expect(loop.issues.contains { if case .cycle = $0 { true } else { false } })
        #expect(loop.events.count == 2)
    }

    @Test("as of a date: the events recorded by then, in causal order")
    func asOfCausal() {
        let root = e("r", "2026-01-01T00:00:00Z", base: [], .notStarted)
        let fix = e("f", "2025-12-31T00:00:00Z", base: ["r"], .implemented)   // a clock behind
        let journal = Journal(state: "XA", events: [root, fix])
        #expect(journal.assessments(asOf: Fixture.t("2026-06-01T00:00:00Z"))["PV-1"]?.status == .implemented)
        #expect(journal.assessments(asOf: Fixture.t("2025-12-31T12:00:00Z"))["PV-1"]?.status == .implemented)
        #expect(journal.timeline().map { "\($0.event.id):\($0.before.status.rawValue)→\($0.after.status.rawValue)" }
                == ["f:not-started→implemented", "r:not-assessed→not-started"])
    }

    /// Line order never matters: git interleaves lines from both sides of a merge.
    @Test("any permutation of the lines gives the same fold, heads and conflicts (seeded property test)")
    func lineOrderNeverMatters() {
        var random = SeededRandom(seed: 7)
        for round in 0..<200 {
            var events: [ChangeEvent] = []
            var heads: [String: [String]] = [:]
            for n in 0..<Int(random.next() % 12 + 1) {
                let action = "PV-\(random.next() % 3)"
                let known = heads[action] ?? []
                // Sometimes a writer saw only part of the history: a concurrent branch.
                let base = known.isEmpty || random.next() % 4 != 0 ? known : [known[Int(random.next() % UInt64(known.count))]]
                let id = "r\(round)-\(n)"
                let status = Status.allCases[Int(random.next() % UInt64(Status.allCases.count))]
                let time = "2026-0\(random.next() % 9 + 1)-1\(random.next() % 9)T00:00:00Z"
                events.append(e(id, time, base: random.next() % 10 == 0 ? nil : base, status, action: action))
                heads[action] = (known.filter { !base.contains($0) } + [id]).sorted()
            }
            let reference = Journal(state: "XA", events: events)
            var shuffled = events
            for i in shuffled.indices.reversed() { shuffled.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            let other = Journal(state: "XA", events: shuffled + [shuffled[0]])
            #expect(other.current == reference.current, "round \(round)")
            #expect(other.conflicts == reference.conflicts, "round \(round)")
            for action in ["PV-0", "PV-1", "PV-2"] { #expect(other.headIDs(of: action) == reference.headIDs(of: action)) }
            // Appending one by one reaches the same fold as reading the whole file.
            var appended = Journal(state: "XA")
            for event in events { appended.append(event) }
            #expect(appended.current == reference.current, "round \(round)")
        }
    }
}

/// One `Change` value, one description: what `set`, `history`, the import plan and the TUI say.
struct ChangeDescriptionTests {
    @Test func theChangeBetweenTwoAssessmentsAndItsDescription() {
        let before = Assessment(status: .notStarted, note: "old", evidence: ["A", "B"])
        let after = Assessment(status: .implemented, note: "new", evidence: ["B", "C"])
        let change = Change(from: before, to: after)
        #expect(change == Change(status: .implemented, note: "new", evidenceAdded: ["C"], evidenceRemoved: ["A"]))
        #expect(change.describe(from: .notStarted) == "not-started → implemented, note edited, +1 evidence, −1 evidence")
        #expect(change.describe(from: .notStarted, .detailedIDs) == "not-started → implemented; note: new; +evidence: C; −evidence: A")
        var applied = before
        applied.apply(change)
        #expect(applied.sameValues(as: after))
        #expect(Change(from: after, to: after).isEmpty)
        #expect(Change(from: after, to: after).describe(from: .implemented) == "no change")
        #expect(Change(status: .implemented).describe(from: .implemented) == "implemented (status kept)")
        #expect(Change(note: "").describe(from: .implemented) == "note cleared")
    }
}
