import Testing
import TestSupport
import ActionPlanModel

/// Officers and their States: the fold of `officer.*` office records, in (time, id) order.
@Suite("Officer roster")
struct OfficerRosterTests {
    func r(_ id: String, _ time: String, _ kind: OfficerRoster.Kind, _ name: String, states: [String]? = nil,
           by author: String = "office-a") -> OfficeRecord {
        var fields: [String: OfficeValue] = ["name": .text(name)]
        if let states { fields["states"] = .list(states) }
        return OfficeRecord(id: id, time: Fixture.t(time), author: author, kind: kind.rawValue, fields: fields)
    }

    @Test("add, assign, unassign and remove fold into officers and their States, whatever the order of lines")
    func fold() {
        let records = [r("1", "2026-01-01T00:00:00Z", .add, "bob"),
                       r("2", "2026-01-01T00:00:01Z", .add, "alice"),
                       r("3", "2026-01-02T00:00:00Z", .assign, "alice", states: ["XB", "XA"]),
                       r("4", "2026-01-03T00:00:00Z", .assign, "bob", states: ["XA"]),
                       r("5", "2026-01-04T00:00:00Z", .unassign, "alice", states: ["XA"]),
                       r("6", "2026-01-05T00:00:00Z", .add, "carol"),
                       r("7", "2026-01-06T00:00:00Z", .remove, "carol"),
                       r("8", "2026-01-07T00:00:00Z", .add, "alice")]
        for input in [records, records.reversed()] {
            let roster = OfficerRoster(records: input)
            #expect(roster.officers == [.init(name: "alice", states: ["XB"]), .init(name: "bob", states: ["XA"])])
            #expect(roster.officers(following: "XA") == ["bob"])
            #expect(roster.officer(named: "ALICE")?.name == "alice")
            #expect(roster.issues.isEmpty)
        }
    }

    @Test("other kinds of office records are not read")
    func otherKinds() {
        let round = OfficeRecord(id: "x", time: Fixture.t("2026-01-01T00:00:00Z"), author: "a", kind: "round.open", fields: ["name": .text("R")])
        #expect(OfficerRoster(records: [round]).isEmpty)
    }

    /// ```
    /// office A: add bob ─────── remove bob (10:00)
    /// office B:        └─ assign bob XA (11:00)      (both lines kept by git's union merge)
    /// ```
    @Test("concurrent remove and assign from two offices: the later in (time, id) order decides; the lost record is reported")
    func concurrentRemoveAndAssign() {
        let add = r("a", "2026-01-01T09:00:00Z", .add, "bob")
        let remove = r("b", "2026-01-01T10:00:00Z", .remove, "bob", by: "office-a")
        let assign = r("c", "2026-01-01T11:00:00Z", .assign, "bob", states: ["XA"], by: "office-b")
        let roster = OfficerRoster(records: [assign, remove, add])
        #expect(roster.officers.isEmpty)
        #expect(roster.issues.count == 1)
        #expect(roster.issues[0].contains("officer.assign by office-b"))
        // The other way round, the remove comes last: bob and his State are gone, nothing is lost silently.
        let early = r("c", "2026-01-01T09:30:00Z", .assign, "bob", states: ["XA"], by: "office-b")
        #expect(OfficerRoster(records: [add, early, remove]).officers.isEmpty)
        #expect(OfficerRoster(records: [add, early, remove]).issues.isEmpty)
    }

    @Test("two offices that both add the same officer get one officer; both assignments hold")
    func concurrentAdds() {
        let roster = OfficerRoster(records: [r("a", "2026-01-01T09:00:00Z", .add, "bob", by: "office-a"),
                                             r("b", "2026-01-01T09:00:00Z", .add, "bob", by: "office-b"),
                                             r("c", "2026-01-01T10:00:00Z", .assign, "bob", states: ["XA"], by: "office-a"),
                                             r("d", "2026-01-01T10:00:00Z", .assign, "bob", states: ["XB"], by: "office-b")])
        #expect(roster.officers == [.init(name: "bob", states: ["XA", "XB"])])
    }

    @Test("deciding a request: refusals name the value and list the valid choices; no-ops write nothing")
    func decide() throws {
        let roster = OfficerRoster(records: [r("1", "2026-01-01T00:00:00Z", .add, "bob"),
                                             r("2", "2026-01-02T00:00:00Z", .assign, "bob", states: ["XA"])])
        #expect(try roster.decide(.add(" carol ")).get()?.fields == ["name": .text("carol")])
        #expect(try roster.decide(.add("bob")).get() == nil)
        #expect(roster.decide(.add("Bob")).failureValue?.message == "an officer named 'bob' is already listed (names differ only in case)")
        #expect(roster.decide(.add("")).failureValue?.message == "invalid name '': a name cannot be empty")
        #expect(roster.decide(.assign("dave", states: ["XA"])).failureValue?.message == "unknown officer 'dave'; valid: bob")
        #expect(try roster.decide(.assign("bob", states: ["XA"])).get() == nil)
        let assign = try #require(try roster.decide(.assign("BOB", states: ["XB", "XA", "XB"])).get())
        #expect(assign.kind == .assign)
        #expect(assign.fields == ["name": .text("bob"), "states": .list(["XB"])])
        let refusal = try #require(roster.decide(.remove("bob", force: false)).failureValue)
        #expect(refusal.message.contains("bob follows 1 State (XA)"))
        #expect(refusal.message.contains("--force"))
        #expect(try roster.decide(.remove("bob", force: true)).get()?.kind == .remove)
        #expect(try roster.decide(.unassign("bob", states: ["XB"])).get() == nil)
        #expect(OfficerRoster(records: []).decide(.remove("x", force: false)).failureValue?.message.contains("no officers are listed yet") == true)
    }
}

extension Result {
    var failureValue: Failure? { if case .failure(let f) = self { f } else { nil } }
}
