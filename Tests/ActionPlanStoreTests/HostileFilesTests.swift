import Testing
import Foundation
import ActionPlanModel
import ActionPlanStore

/// Store files written by a careless hand or an attacker: never a crash, never a write outside the store.
///
/// The States are fictional (the store's own `states.json`): Avalonia (XA) and Borduria (XB).
@Suite("Store: hostile and broken files")
struct HostileFilesTests {
    static let fictionalStates = """
        [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
         {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"}]
        """

    // MARK: - Item 1: numbers that do not fit

    @Test("a format number beyond Int is a newer format (exit 65), never a trap",
          arguments: ["1e300", "1e999", "9223372036854775808", "18446744073709551616"])
    func hugeFormat(number: String) throws {
        let temp = try TempStore()
        let manifest = try temp.read("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": \(number)")
        try temp.write("store.json", manifest)
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.kind == .newerFormat && e.location?.line == 2 && e.location?.column == 13 && e.message.contains("newer format")
        }
        #expect(try temp.read("store.json") == manifest)
    }

    @Test("a fractional, negative or zero format is a located error, not a trap", arguments: ["1.5", "-1e300", "0", "-9223372036854775809"])
    func fractionalFormat(number: String) throws {
        let temp = try TempStore()
        try temp.write("store.json", try temp.read("store.json").replacingOccurrences(of: "\"format\": 3", with: "\"format\": \(number)"))
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.kind == .damaged && e.location == SourceLocation(line: 2, column: 13) && e.message.contains("whole number")
        }
    }

    @Test("WholeNumber: every double maps to a case without trapping")
    func wholeNumber() {
        let cases: [(Double, WholeNumber)] = [
            (1, .exact(1)), (-3, .exact(-3)), (9_007_199_254_740_992, .exact(9_007_199_254_740_992)),
            (1.5, .notWhole("1.5")), (.nan, .notWhole("nan")), (-.infinity, .notWhole("-inf")),
            (1e300, .tooLarge("1e+300")), (.infinity, .tooLarge("a number beyond the range of a double")),
            (9_223_372_036_854_775_808, .tooLarge("9.223372036854776e+18")),
        ]
        for (value, expected) in cases { #expect(WholeNumber(value) == expected, "\(value)") }
    }

    // MARK: - Item 11: type errors at the value, not at 1:1

    @Test("a number of the wrong kind in catalog.json is reported at its line and column",
          arguments: [("1.5", "1.5"), ("1e300", "1e+300")])
    func catalogNumberLocated(year: String, shown: String) throws {
        let temp = try TempStore()
        let embedded = try String(contentsOfFile: Self.embeddedCatalogPath, encoding: .utf8)
        let edited = embedded.replacingOccurrences(of: "\"year\": 2003", with: "\"year\": \(year)")
        #expect(edited != embedded)
        try temp.write("catalog.json", edited)
        let expectedLine = edited.prefix(upTo: edited.range(of: "\"year\": \(year)")!.lowerBound).filter { $0 == "\n" }.count + 1
        let problem = try #require(temp.store.validate().first)
        #expect(problem.file.hasSuffix("catalog.json"))
        #expect(problem.location?.line == expectedLine)
        #expect(problem.location?.column ?? 0 > 1)
        #expect(problem.message == "documents[0].year: expected a whole number, found \(shown)")
    }

    static var embeddedCatalogPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/catalog.json").path
    }

    // MARK: - Item 2: codes that would become paths

    @Test("a State code that is not a plain file name is refused where states.json is read, at its location",
          arguments: ["../../escaped", "a/b", ".hidden", "X A", "", "XA\u{1B}]2;t\u{07}", String(repeating: "A", count: 33)])
    func unsafeStateCode(code: String) throws {
        let temp = try TempStore()
        let json = "[{\"code\":\(JSONString.quote(code)),\"iso3\":\"XES\",\"name\":\"Escapia\",\"kind\":\"participating\",\"group\":\"x\"}]"
        try temp.write("states.json", json)
        #expect {
            try temp.store.load()
        } throws: { error in
            let e = error as! StoreError
            return e.kind == .damaged && e.file.hasSuffix("states.json") && e.location == SourceLocation(line: 1, column: 10)
        }
    }

    @Test("SafePath.codeProblem accepts plain codes only")
    func codeRule() {
        for good in ["XA", "AT", "EU-COM", "x_1", String(repeating: "Z", count: 32)] { #expect(SafePath.codeProblem(good) == nil, "\(good)") }
        for bad in ["..", "../x", "-x", "_x", "a.b", "a\\b", "a\u{0}b", "Ä"] { #expect(SafePath.codeProblem(bad) != nil, "\(bad)") }
    }

    @Test("an event whose State code is a path is refused by append; nothing is created outside the store")
    func appendRefusesPathCodes() throws {
        let temp = try TempStore()
        var event = TempStore.event("XA", "AP03-III-1-a", .implemented)
        event.state = "../../escaped"
        #expect(throws: StoreError.self) { try temp.store.append([event]) }
        #expect(!FileManager.default.fileExists(atPath: temp.folder + "/escaped.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/../escaped.jsonl"))
        #expect(throws: StoreError.self) { try temp.store.readJournal("../../etc/passwd") }
    }

    // MARK: - Item 3: symbolic links

    @Test("a journal that is a symbolic link is never appended to; the link's target is unchanged")
    func journalLink() throws {
        let temp = try TempStore()
        let outside = temp.folder + "/outside.txt"
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/states/XA.jsonl", withDestinationPath: outside)
        #expect {
            try temp.store.append([TempStore.event("XA", "AP03-III-1-a", .implemented)])
        } throws: { error in
            (error as! StoreError).message.contains("symbolic link")
        }
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious\n")
        #expect(temp.store.validate().contains { $0.file.hasSuffix("states/XA.jsonl") && $0.message.contains("symbolic link") })
    }

    @Test("a .lock or states folder that is a symbolic link is refused; nothing is created at the target")
    func lockAndFolderLinks() throws {
        let temp = try TempStore()
        let target = temp.folder + "/elsewhere.lock"
        try? FileManager.default.removeItem(atPath: temp.path + "/.lock")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/.lock", withDestinationPath: target)
        #expect(throws: StoreError.self) { try temp.store.append([TempStore.event("XA", "AP03-III-1-a", .implemented)]) }
        #expect(throws: StoreError.self) { try temp.store.load() }
        #expect(!FileManager.default.fileExists(atPath: target))

        let other = try TempStore()
        let folder = other.folder + "/outside-states"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: other.path + "/states")
        try FileManager.default.createSymbolicLink(atPath: other.path + "/states", withDestinationPath: folder)
        #expect(throws: StoreError.self) { try other.store.append([TempStore.event("AT", "AP03-III-1-a", .implemented)]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    // MARK: - Item 4: outputs inside the store

    @Test("an output path inside the store is refused, also through a link or with ..; outside is fine")
    func outputInsideStore() throws {
        let temp = try TempStore()
        let link = temp.folder + "/link-to-store"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: temp.path)
        for inside in [temp.path + "/states/AT.jsonl", temp.path + "/store.json", link + "/store.json",
                       temp.path + "/states/../store.json", temp.folder + "/../" + URL(fileURLWithPath: temp.folder).lastPathComponent + "/store/states/new.csv", temp.path, temp.path + "/new-folder/report.html"] {
            #expect(throws: StoreError.self, "\(inside)") { try temp.store.refuseOutputInside(inside) }
        }
        for outside in [temp.folder + "/report.html", temp.folder + "/store-report.csv", "/tmp/report.csv"] {
            #expect(throws: Never.self, "\(outside)") { try temp.store.refuseOutputInside(outside) }
        }
    }

    // MARK: - Item 10: temporary files of killed writers

    @Test("a temporary file of a dead process is removed by the next atomic write there; a live one is kept")
    func staleTemps() throws {
        let temp = try TempStore()
        let dead = try Self.deadProcessID()
        let stale = temp.folder + "/.report.html.tmp-\(dead)-12345"
        let live = temp.folder + "/.report.html.tmp-1-777"                 // pid 1 always exists
        let foreign = temp.folder + "/.notes.tmp-backup"                    // not our pattern: kept
        for file in [stale, live, foreign] { _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8)) }
        try FileIO.writeAtomically(Data("report".utf8), to: temp.folder + "/report.html")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: foreign))
        #expect(try String(contentsOfFile: temp.folder + "/report.html", encoding: .utf8) == "report")
    }

    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

extension HostileFilesTests {
    @Test("a temporary store.json of a killed writer is removed by the next append")
    func staleStoreTempRemovedByAppend() throws {
        let temp = try TempStore()
        let stale = temp.path + "/.store.json.tmp-\(try Self.deadProcessID())-99"
        _ = FileManager.default.createFile(atPath: stale, contents: Data("{".utf8))
        try temp.store.append([TempStore.event("AT", "AP03-III-1-a", .implemented)])
        #expect(!FileManager.default.fileExists(atPath: stale))
    }
}
