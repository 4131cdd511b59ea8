import Testing
import ActionPlanModel

/// Renamed, split and merged actions (`RenameBook`), verifications (`VerificationBook`) and the diff
/// of a catalog import (`CatalogDiff`), on the fictional catalog of `Fixture`.
@Suite("Catalog installations: id mapping, verifications, diff")
struct CatalogBookTests {
    static func t(_ text: String) -> Timestamp { Fixture.t(text) }

    /// An event based on `base` (store format 2 and later).
    static func based(_ id: String, _ time: String, _ action: String, _ status: Status, base: [String], state: String = "XA") -> ChangeEvent {
        ChangeEvent(id: id, time: t(time), author: "alice", state: state, action: action, base: base, status: status)
    }

    static func install(_ time: String, _ renames: [String], id: String = "i1") -> OfficeRecord {
        OfficeRecord(id: id, time: t(time), author: "carol", kind: "catalog.install",
                     fields: ["version": .text("v-\(time)"), "from": .text("v0"), "renames": .list(renames)])
    }

    static func fold(_ events: [ChangeEvent], _ records: [OfficeRecord]) -> Journal {
        Journal(state: "XA", events: RenameBook(records: records).apply(events))
    }

    // MARK: - Mapping, applied when folding

    @Test("without an installation that maps ids, the fold sees the events as recorded (the same array)")
    func noMappingNoCost() {
        let events = [Self.based("e1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: [])]
        let book = RenameBook(records: [OfficeRecord(id: "x", time: Self.t("2026-02-01T00:00:00.000Z"), author: "c",
                                                     kind: "catalog.install", fields: ["version": .text("v1")])])
        #expect(book.isEmpty)
        #expect(book.digest == "")
        #expect(book.apply(events) == events)
    }

    @Test("a rename shows the old id's history under the new id; the next event continues its chain")
    func rename() {
        let events = [Self.based("e1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: []),
                      Self.based("e2", "2026-01-02T10:00:00.000Z", "PV-1", .implemented, base: ["e1"])]
        let records = [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-9"])]
        var journal = Self.fold(events, records)
        #expect(journal.assessment(of: "PV-9").status == .implemented)
        #expect(journal.current["PV-1"] == nil)
        #expect(journal.events(for: "PV-9").map(\.id) == ["e1", "e2"])
        #expect(journal.headIDs(of: "PV-9") == ["e2"])
        // Recorded after the installation under the new id, based on the old head: one chain.
        journal = Self.fold(events + [Self.based("e3", "2026-03-01T10:00:00.000Z", "PV-9", .partiallyImplemented, base: ["e2"])], records)
        #expect(journal.assessment(of: "PV-9").status == .partiallyImplemented)
        #expect(journal.conflict(of: "PV-9") == nil)
        #expect(journal.events(for: "PV-9").map(\.id) == ["e1", "e2", "e3"])
    }

    @Test("a split shows the old history under both new ids, each folding on its own afterwards")
    func split() {
        let events = [Self.based("e1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: []),
                      Self.based("e2", "2026-03-01T10:00:00.000Z", "PV-1a", .implemented, base: ["e1"])]
        let journal = Self.fold(events, [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-1a", "PV-1>PV-1b"])])
        #expect(journal.assessment(of: "PV-1a").status == .implemented)
        #expect(journal.assessment(of: "PV-1b").status == .inProgress)
        #expect(journal.events(for: "PV-1b").map(\.id) == ["e1"])
        #expect(journal.events(for: "PV-1a").map(\.id) == ["e1", "e2"])
        #expect(journal.current["PV-1"] == nil)
    }

    @Test("a merge folds both histories under the new id: agreeing heads give that value, disagreeing heads a conflict")
    func merge() {
        let records = [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-X", "PV-2>PV-X"])]
        let agree = [Self.based("a1", "2026-01-01T10:00:00.000Z", "PV-1", .implemented, base: []),
                     Self.based("b1", "2026-01-05T10:00:00.000Z", "PV-2", .implemented, base: [])]
        let merged = Self.fold(agree, records)
        #expect(merged.assessment(of: "PV-X").status == .implemented)
        #expect(merged.conflict(of: "PV-X") == nil)
        #expect(merged.headIDs(of: "PV-X") == ["a1", "b1"])

        let disagree = [Self.based("a1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: []),
                        Self.based("a2", "2026-01-02T10:00:00.000Z", "PV-1", .implemented, base: ["a1"]),
                        Self.based("b1", "2026-01-05T10:00:00.000Z", "PV-2", .notStarted, base: [])]
        let conflicted = Self.fold(disagree, records)
        let conflict = try? #require(conflicted.conflict(of: "PV-X"))
        #expect(conflict != nil)
        // Provisionally the longer history's value, never the later clock.
        #expect(conflicted.assessment(of: "PV-X").status == .implemented)
        // Resolved by the next status recorded for the merged action, based on both heads.
        let resolved = Self.fold(disagree + [Self.based("c1", "2026-03-01T10:00:00.000Z", "PV-X", .partiallyImplemented, base: ["a2", "b1"])], records)
        #expect(resolved.conflict(of: "PV-X") == nil)
        #expect(resolved.assessment(of: "PV-X").status == .partiallyImplemented)
    }

    @Test("renames compose across installations: A→B, then B→C shows A's and B's old events under C")
    func chainOfRenames() {
        let events = [Self.based("e1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: []),
                      Self.based("e2", "2026-02-15T10:00:00.000Z", "PV-B", .implemented, base: ["e1"])]
        let records = [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-B"], id: "i1"),
                       Self.install("2026-03-01T00:00:00.000Z", ["PV-B>PV-C"], id: "i2")]
        let journal = Self.fold(events, records)
        #expect(journal.events(for: "PV-C").map(\.id) == ["e1", "e2"])
        #expect(journal.assessment(of: "PV-C").status == .implemented)
        #expect(journal.current.keys.sorted() == ["PV-C"])
        #expect(RenameBook(records: records).cumulative == ["PV-1": ["PV-C"], "PV-B": ["PV-C"]])
    }

    @Test("an installation maps only the events recorded up to it: a reused id starts a fresh history")
    func laterEventsAreNotMapped() {
        let events = [Self.based("e1", "2026-01-01T10:00:00.000Z", "PV-1", .inProgress, base: []),
                      Self.based("e2", "2026-03-01T10:00:00.000Z", "PV-1", .notStarted, base: [])]
        let journal = Self.fold(events, [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-9"])])
        #expect(journal.events(for: "PV-9").map(\.id) == ["e1"])
        #expect(journal.events(for: "PV-1").map(\.id) == ["e2"])
    }

    @Test("the mapping's digest changes with the mapping (checkpoints of another mapping are not reused)")
    func digest() {
        let a = RenameBook(records: [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-9"])])
        let b = RenameBook(records: [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-8"])])
        #expect(a.digest.count == 16)
        #expect(a.digest != b.digest)
        #expect(a.digest == RenameBook(records: [Self.install("2026-02-01T00:00:00.000Z", ["PV-1>PV-9"])]).digest)
    }

    // MARK: - Verifications

    static func verify(_ action: String, _ reference: String, _ time: String, id: String = "v1") -> OfficeRecord {
        OfficeRecord(id: id, time: t(time), author: "dora", kind: "catalog.verify",
                     fields: ["action": .text(action), "reference": .text(reference), "document": .text("TEST/1, official PDF"), "by": .text("dora")])
    }

    @Test("a file's verified claim is ignored; a verification record of the current reference verifies it")
    func verification() {
        var claimed = Fixture.catalog
        claimed.pillars[0].areas[0].actions[0].source.verified = true
        #expect(VerificationBook(records: []).apply(to: claimed).verifiedReferences == (0, 6))
        let book = VerificationBook(records: [Self.verify("PV-2", "TEST/1", "2026-01-01T00:00:00.000Z")])
        let applied = book.apply(to: claimed)
        #expect(applied.action(id: "PV-2")?.source.verified == true)
        #expect(applied.action(id: "PV-1")?.source.verified == false)
        #expect(applied.action(id: "PV-2")?.source.citation == "TEST/1 (verified)")
        #expect(applied.verifiedReferences == (1, 6))
    }

    @Test("a verification stops applying when the reference changes, and an unverify withdraws it")
    func verificationLapses() {
        var changed = Fixture.catalog
        changed.pillars[0].areas[0].actions[1].source.paragraph = "3"
        let book = VerificationBook(records: [Self.verify("PV-2", "TEST/1", "2026-01-01T00:00:00.000Z")])
        #expect(book.apply(to: changed).action(id: "PV-2")?.source.verified == false)
        #expect(book.outdated(changed.action(id: "PV-2")!)?.by == "dora")
        let withdrawn = VerificationBook(records: [
            Self.verify("PV-2", "TEST/1", "2026-01-01T00:00:00.000Z"),
            OfficeRecord(id: "u1", time: Self.t("2026-01-02T00:00:00.000Z"), author: "dora", kind: "catalog.unverify",
                         fields: ["action": .text("PV-2"), "reference": .text("TEST/1")]),
        ])
        #expect(withdrawn.apply(to: Fixture.catalog).action(id: "PV-2")?.source.verified == false)
    }

    // MARK: - Diff

    @Test("the diff lists added, removed (with the States that have history), mapped, retitled, moved and re-referenced actions")
    func diff() {
        var new = Fixture.catalog
        new.pillars[0].areas[0].actions[0].title = "Renamed title"                    // PV-1 retitled
        new.pillars[0].areas[0].actions[1].id = "PV-2b"                                // PV-2 → PV-2b (renamed)
        let moved = new.pillars[1].areas[0].actions.remove(at: 0)                      // PR-1 moves to protection
        new.pillars[2].areas[0].actions.append(moved)
        new.pillars[2].areas[0].actions[0].source.chapter = "IV"                       // PT-1's reference
        new.pillars[3].areas[0].actions = [Fixture.action("PA-2")]                     // PA-1 removed, PA-2 added
        new.pillars[3].areas[0].actions[0].source.verified = true                      // claimed, not recorded
        let rebuilt = Catalog(id: new.id, version: "2", title: new.title, tags: new.tags, pillars: new.pillars)
        let diff = CatalogDiff(old: Fixture.catalog, new: rebuilt, renames: [("PV-2", "PV-2b")],
                               history: { $0 == "PA-1" ? ["XA", "XB"] : [] })
        #expect(diff.added.map(\.id) == ["PA-2"])
        #expect(diff.removed.map(\.action.id) == ["PA-1"])
        #expect(diff.removed.first?.statesWithHistory == ["XA", "XB"])
        #expect(diff.mappings == [CatalogDiff.Mapping(kind: .renamed, old: ["PV-2"], new: ["PV-2b"])])
        #expect(diff.retitled == [CatalogDiff.Edit(id: "PV-1", before: "Action PV-1", after: "Renamed title")])
        #expect(diff.moved == [CatalogDiff.Move(id: "PR-1", from: "prosecution/prosecution.law", to: "protection/protection.nrm")])
        #expect(diff.referencesChanged == [CatalogDiff.Edit(id: "PT-1", before: "TEST/1", after: "TEST/1, ch. IV")])
        #expect(diff.warnings.count == 2)
        #expect(diff.warnings[0].hasPrefix("PA-1 is removed but has history in XA, XB"))
        #expect(diff.warnings[1].hasPrefix("PA-2: the file marks the reference verified, but no verification record matches it"))
    }

    @Test("mapping lines: a split lists the old id twice, a merge the new id twice; unknown ids are refused at their line")
    func mapLines() {
        #expect(CatalogDiff(old: Fixture.catalog, new: Fixture.catalog, renames: [("A", "B"), ("A", "C"), ("D", "E"), ("F", "E")]).mappings == [
            CatalogDiff.Mapping(kind: .split, old: ["A"], new: ["B", "C"]),
            CatalogDiff.Mapping(kind: .merged, old: ["D", "F"], new: ["E"]),
        ])
        let problems = RenameMap.check([(2, "PV-1", "PV-1"), (3, "PV-7", "PV-2"), (4, "PV-2", "PV-22"), (5, "PV-2", "PV-1"), (6, "PV-2", "PV-1")],
                                       current: Fixture.catalog, new: Fixture.catalog, hasHistory: { _ in false })
        #expect(problems.map(\.description) == [
            "line 2: maps 'PV-1' to itself; list it only as part of a split",
            "line 3: old id 'PV-7' is not in the catalog in use and has no history; did you mean 'PV-1'?",
            "line 4: new id 'PV-22' is not in the new catalog; did you mean 'PV-2'?",
            "line 6: repeats line 5 (PV-2 → PV-1)",
        ])
    }
}
