import Testing
import Foundation
import ActionPlanModel
import ActionPlanStore

@Suite("Store: a folder of JSON on disk")
struct StoreTests {
    @Test("a new store has store.json, .gitattributes with merge=union, and every status not assessed")
    func newStore() throws {
        let temp = try TempStore()
        #expect(try temp.read(".gitattributes") == "*.jsonl merge=union eol=lf\n")
        #expect(try temp.read(".gitignore").contains(".pending/"))
        #expect(try temp.read("store.json").contains("\"format\": 3"))
        let loaded = try temp.store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.tracker.journals.isEmpty)
        #expect(loaded.tracker.progress(states: loaded.tracker.states()).assessed == 0)
    }

    @Test("the embedded catalog: four pillars in order, at least 90 trackable actions, no problems")
    func embeddedCatalog() throws {
        let temp = try TempStore()
        let catalog = try temp.store.load().tracker.catalog
        #expect(catalog.pillars.map(\.id) == ["prevention", "prosecution", "protection", "partnerships"])
        #expect(catalog.trackableActions.count >= 90)
        #expect(catalog.validate().isEmpty)
        #expect(temp.store.validate().isEmpty)
    }

    @Test("the embedded States: 57 participating and 11 partners, unique codes")
    func embeddedStates() throws {
        let temp = try TempStore()
        let directory = try temp.store.load().tracker.directory
        #expect(directory.all.filter { $0.kind == .participating }.count == 57)
        #expect(directory.all.filter { $0.kind == .partner }.count == 11)
        #expect(Set(directory.all.map(\.code)).count == 68)
        #expect(directory.resolve("aut")?.code == "AT")
        #expect(directory.resolve("austria")?.code == "AT")
    }

    @Test("events round-trip through the journal, including awkward text")
    func roundTrip() throws {
        let temp = try TempStore()
        let note = "Line one\nline \"two\", tab\there; Türkiye 中文 \u{1B}[31m é"
        var event = TempStore.event("AT", "AP03-III-1-a", .implemented, note: note)
        event.evidenceAdded = ["https://example.org/a?b=c", "BGBl. I Nr. 12/2024"]
        try temp.store.append([event])
        let loaded = try temp.store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.tracker.journal("AT").events == [event])
        #expect(try temp.read("states/AT.jsonl").hasSuffix("}\n"))
        #expect(try temp.read("states/AT.jsonl").split(separator: "\n").count == 1)
    }

    @Test("a torn last line is reported with file and line, kept on disk, and the next append starts a new line")
    func tornLastLine() throws {
        let temp = try TempStore()
        try temp.store.append([TempStore.event("AT", "AP03-III-1-a", .inProgress)])
        let good = try temp.read("states/AT.jsonl")
        try temp.write("states/AT.jsonl", good + "{\"id\":\"torn\",\"time\":\"2026-05")
        let loaded = try temp.store.load()
        #expect(loaded.tracker.journal("AT").events.count == 1)
        let problem = try #require(loaded.problems.first)
        #expect(problem.file.hasSuffix("states/AT.jsonl"))
        #expect(problem.location?.line == 2)
        #expect(problem.message.contains("torn last line"))

        try temp.store.append([TempStore.event("AT", "AP03-III-1-b", .implemented)])
        let lines = try temp.read("states/AT.jsonl").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)                                  // good, torn (kept), new, ""
        #expect(lines[1] == "{\"id\":\"torn\",\"time\":\"2026-05")
        let reloaded = try temp.store.load()
        #expect(reloaded.tracker.journal("AT").events.count == 2)
        #expect(reloaded.problems.count == 1)
        #expect(reloaded.problems[0].message.contains("invalid line"))
    }

    @Test("an invalid line names its line and column and what was wrong")
    func invalidLine() throws {
        let temp = try TempStore()
        try temp.write("states/AT.jsonl", """
            {"id":"1","time":"2026-05-01T00:00:00.000Z","author":"a","state":"AT","action":"AP03-III-1-a","status":"done"}

            """)
        let problems = temp.store.validate()
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(line: 1, column: 104))
        #expect(problem.message.contains("unknown status 'done'; valid: not-assessed"))
    }

    @Test("a store written by a newer format is refused, and nothing is changed")
    func newerFormat() throws {
        let temp = try TempStore()
        let manifest = try temp.read("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": 4")
        try temp.write("store.json", manifest)
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.kind == .newerFormat && e.location?.line == 2 && e.message.contains("newer version")
        }
        #expect(try temp.read("store.json") == manifest)
    }

    @Test("a damaged store.json names file, line, column and what was expected")
    func damagedManifest() throws {
        let temp = try TempStore()
        try temp.write("store.json", "{\n  \"format\": 1,\n  \"catalog\": { \"id\": \"x\" \"version\": \"1\" }\n}\n")
        #expect {
            try temp.store.load()
        } throws: { error in
            (error as! StoreError).description.hasSuffix("store.json:3:26: expected ',' or '}' in object, found '\"'")
        }
    }

    @Test("events for actions the catalog no longer has are kept and reported as orphans")
    func orphans() throws {
        let temp = try TempStore()
        try temp.store.append([TempStore.event("AT", "GONE-1", .implemented), TempStore.event("AT", "AP03-III-1-a", .implemented)])
        let loaded = try temp.store.load()
        #expect(loaded.tracker.orphans.map(\.action) == ["GONE-1"])
        #expect(loaded.problems.contains { $0.message.contains("'GONE-1'") && $0.message.contains("orphans, kept") })
        #expect(try temp.read("states/AT.jsonl").contains("GONE-1"))
    }

    @Test("a store's own catalog.json overrides the embedded one; its problems are located")
    func catalogOverride() throws {
        let temp = try TempStore()
        try temp.write("catalog.json", """
            {"id":"office","version":"7","title":"Office catalog","pillars":[
              {"id":"prevention","title":"Prevention","description":"","areas":[
                {"id":"prevention.a","title":"A","actions":[
                  {"id":"X-1","title":"One","summary":"","source":{"document":"D","verified":false}},
                  {"id":"X-1","title":"","summary":"","source":{"document":"D","verified":false}}]}]}]}
            """)
        let problems = temp.store.validate()
        #expect(problems.contains { $0.location?.line == 5 && $0.message.contains("duplicate id 'X-1'") })
        #expect(problems.contains { $0.message.contains("empty title") })
        #expect(throws: StoreError.self) { try temp.store.load() }

        try temp.write("catalog.json", """
            {"id":"office","version":"7","title":"Office catalog","pillars":[
              {"id":"prevention","title":"Prevention","description":"","areas":[
                {"id":"prevention.a","title":"A","actions":[{"id":"X-1","title":"One","summary":"","source":{"document":"D","verified":false}}]}]}]}
            """)
        let loaded = try temp.store.load()
        #expect(loaded.tracker.catalog.trackableActions.map(\.id) == ["X-1"])
    }

    @Test("a catalog with a wrong type names the path and the line")
    func catalogTypeError() throws {
        let temp = try TempStore()
        try temp.write("catalog.json", "{\"id\":\"o\",\"version\":\"1\",\"title\":\"t\",\n\"pillars\":[{\"id\":\"prevention\",\"title\":5}]}")
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.location?.line == 2 && e.message.contains("pillars[0].title: expected a string")
        }
    }

    @Test("the fingerprint changes when another writer appends")
    func fingerprint() throws {
        let temp = try TempStore()
        let before = temp.store.fingerprint()
        #expect(temp.store.fingerprint() == before)
        let other = try Store.open(path: temp.path, create: false)
        try other.append([TempStore.event("AT", "AP03-III-1-a", .implemented)])
        #expect(temp.store.fingerprint() != before)
    }

    @Test("opening a missing store without create explains what to do")
    func missingStore() {
        #expect {
            try Store.open(path: NSTemporaryDirectory() + "no-such-store-\(UUID().uuidString)", create: false)
        } throws: { error in
            (error as! StoreError).message.contains("actionplan init")
        }
    }

    @Test("the store location follows --store, then $ACTIONPLAN_STORE, then $XDG_DATA_HOME, then ~/.local/share")
    func location() {
        #expect(StoreLocation.resolve(explicit: "/a", environment: ["ACTIONPLAN_STORE": "/b"]) == "/a")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["ACTIONPLAN_STORE": "/b", "XDG_DATA_HOME": "/x"]) == "/b")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/actionplan")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/actionplan")
        #expect(Author.resolve(explicit: nil, environment: ["ACTIONPLAN_USER": "desk1", "USER": "root"]) == "desk1")
        #expect(Author.resolve(explicit: "bob", environment: ["ACTIONPLAN_USER": "desk1"]) == "bob")
    }

    @Test("an atomic write replaces the whole file and leaves no temporary file behind")
    func atomicWrite() throws {
        let temp = try TempStore()
        let target = temp.path + "/out.txt"
        try FileIO.writeAtomically(Data("first".utf8), to: target)
        try FileIO.writeAtomically(Data("second".utf8), to: target)
        #expect(try temp.read("out.txt") == "second")
        #expect(!FileIO.list(temp.path).contains { $0.contains(".tmp-") })
        #expect(throws: StoreError.self) { try FileIO.writeAtomically(Data(), to: temp.path + "/no/such/folder/x") }
    }
}

@Suite("Store: an office's own list of States")
struct OwnStatesTests {
    @Test("a store's states.json replaces the embedded list (fictional States for tests and benchmarks)")
    func ownStates() throws {
        let temp = try TempStore()
        try temp.write("states.json", """
            [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
             {"code":"XB","iso3":"XBO","name":"Borduria","kind":"partner","group":"fiction"}]
            """)
        try temp.store.append([TempStore.event("XA", "AP03-III-1-a", .implemented)])
        let loaded = try temp.store.load()
        #expect(loaded.tracker.directory.all.map(\.code) == ["XA", "XB"])
        #expect(loaded.tracker.states().map(\.code) == ["XA"])
        #expect(loaded.tracker.assessment(state: "XA", action: "AP03-III-1-a").status == .implemented)
        #expect(loaded.problems.isEmpty)
    }

    @Test("a bad states.json names the line and what each State needs")
    func badStates() throws {
        let temp = try TempStore()
        try temp.write("states.json", "[{\"code\":\"XA\",\"iso3\":\"XAV\",\"name\":\"Avalonia\",\n\"kind\":\"member\",\"group\":\"x\"}]")
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.file.hasSuffix("states.json") && e.location?.line == 2 && e.message.contains("participating|partner")
        }
    }
}
