import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanStore

/// Installing a catalog in a store: the files written, the version, the id mapping applied to every way
/// a journal is read (whole, through a checkpoint, incrementally), and compare-and-append on new ids.
@Suite("Catalog installation in a store")
struct CatalogInstallTests {
    static let states = """
        [{"code": "XA", "iso3": "XAV", "name": "Avalonia", "kind": "participating", "group": "fiction"}]
        """

    func based(_ action: String, _ status: Status, base: [String], at time: String) -> ChangeEvent {
        ChangeEvent(id: EventID.make(), time: Timestamp(parsing: time)!, author: "alice", state: "XA", action: action,
                    base: base, status: status)
    }

    /// The embedded catalog with AP03-IV-1-b split into -b1 and -b2 and AP03-IV-1-a retitled.
    func edited(_ catalog: Catalog) -> Catalog {
        var pillars = catalog.pillars
        var actions = pillars[0].areas[0].actions
        let b = actions.firstIndex { $0.id == "AP03-IV-1-b" }!
        var b1 = actions[b], b2 = actions[b]
        b1.id = "AP03-IV-1-b1"
        b2.id = "AP03-IV-1-b2"
        actions.replaceSubrange(b...b, with: [b1, b2])
        actions[0].title = "Data collection (retitled)"
        pillars[0].areas[0].actions = actions
        return Catalog(id: catalog.id, version: catalog.version, title: catalog.title, notice: catalog.notice,
                       documents: catalog.documents, tags: catalog.tags, pillars: pillars)
    }

    @Test("install writes catalog.json, the version in store.json and a catalog.install record; history follows the split through checkpoints and reloads")
    func installAndFollow() throws {
        let temp = try TempStore()
        try temp.write("states.json", Self.states)
        let a = based("AP03-IV-1-a", .implemented, base: [], at: "2026-01-10T10:00:00.000Z")
        let b = based("AP03-IV-1-b", .inProgress, base: [], at: "2026-01-11T10:00:00.000Z")
        try temp.store.append([a, b])
        let before = try temp.store.load(history: .recent)    // writes XA's checkpoint, unmapped
        #expect(FileManager.default.fileExists(atPath: temp.path + "/.checkpoints/XA.fold"))
        let current = before.tracker.catalog
        let installed = try temp.store.installCatalog(edited(current), expecting: current.version,
                                                      renames: [("AP03-IV-1-b", "AP03-IV-1-b1"), ("AP03-IV-1-b", "AP03-IV-1-b2")],
                                                      author: "carol", time: Timestamp(parsing: "2026-02-01T00:00:00.000Z")!, recordID: "install-1")
        #expect(installed.from == current.version)
        #expect(installed.version.hasPrefix(current.version + "+"))
        #expect(try temp.read("store.json").contains("\"version\": \"\(installed.version)\""))
        #expect(try temp.read("office.jsonl").contains("\"kind\":\"catalog.install\",\"catalog\":\"osce-thb-action-plan\",\"from\":\"\(current.version)\",\"renames\":[\"AP03-IV-1-b>AP03-IV-1-b1\",\"AP03-IV-1-b>AP03-IV-1-b2\"],\"version\":\"\(installed.version)\""))
        #expect(!(try temp.read("catalog.json")).contains("\"verified\" : true"))

        for depth in [HistoryDepth.recent, .recent, .complete] {   // the second .recent reads the new checkpoint
            let loaded = try temp.store.load(history: depth)
            #expect(loaded.tracker.catalog.version == installed.version)
            #expect(loaded.tracker.catalog.action(id: "AP03-IV-1-a")?.title == "Data collection (retitled)")
            #expect(loaded.tracker.assessment(state: "XA", action: "AP03-IV-1-b1").status == .inProgress)
            #expect(loaded.tracker.assessment(state: "XA", action: "AP03-IV-1-b2").status == .inProgress)
            #expect(loaded.tracker.orphans.isEmpty)
            #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        }
        let digest = RenameBook(records: try temp.store.officeLog().records).digest
        #expect(FileManager.default.fileExists(atPath: temp.path + "/.checkpoints/XA.\(digest).fold"))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.checkpoints/XA.fold"), "the unmapped checkpoint is removed")

        // A reload of the store as read before the installation sees the new catalog and the mapping.
        let reloaded = try temp.store.reload(before)
        #expect(reloaded.tracker.assessment(state: "XA", action: "AP03-IV-1-b1").status == .inProgress)

        // The next event of a new id is based on the old head, and the store accepts it.
        let heads = reloaded.tracker.headIDs(state: "XA", action: "AP03-IV-1-b1")
        #expect(heads == [b.id])
        try temp.store.append([based("AP03-IV-1-b1", .implemented, base: heads, at: "2026-03-01T10:00:00.000Z")])
        let after = try temp.store.load(history: .recent)
        #expect(after.tracker.assessment(state: "XA", action: "AP03-IV-1-b1").status == .implemented)
        #expect(after.tracker.assessment(state: "XA", action: "AP03-IV-1-b2").status == .inProgress)
        // The journal itself was never rewritten: the old id is still on its line.
        #expect(try temp.read("states/XA.jsonl").contains("\"action\":\"AP03-IV-1-b\""))
    }

    @Test("an install based on a catalog version that is no longer in use is refused and writes nothing")
    func staleInstallRefused() throws {
        let temp = try TempStore()
        let current = try temp.store.load().tracker.catalog
        #expect(throws: StoreError.self) {
            try temp.store.installCatalog(edited(current), expecting: "1999.01.01", renames: [], author: "carol",
                                          time: Timestamp(milliseconds: 0), recordID: "x")
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/catalog.json"))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/office.jsonl"))
    }

    @Test("verified marks come from verification records only, never from the catalog file")
    func verifiedOnlyByRecords() throws {
        let temp = try TempStore()
        var claimed = try temp.store.load().tracker.catalog
        claimed.pillars[0].areas[0].actions[0].source.verified = true
        try temp.write("catalog.json", String(decoding: CatalogFile.encode(claimed, keepVerified: true), as: UTF8.self))
        let id = claimed.pillars[0].areas[0].actions[0].id
        #expect(try temp.store.load().tracker.catalog.action(id: id)?.source.verified == false)
        try temp.store.appendOffice { _ in
            OfficeRecord(id: "v1", time: Timestamp(milliseconds: 0), author: "dora", kind: "catalog.verify",
                         fields: ["action": .text(id), "reference": .text(claimed.action(id: id)!.source.locator),
                                  "document": .text("PC.DEC/557, official PDF"), "by": .text("dora")])
        }
        let loaded = try temp.store.load()
        #expect(loaded.tracker.catalog.action(id: id)?.source.verified == true)
        #expect(loaded.tracker.catalog.verifiedReferences.verified == 1)
    }
}
