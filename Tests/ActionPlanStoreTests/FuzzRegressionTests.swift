import Testing
import Foundation
import ActionPlanModel
@testable import ActionPlanStore

/// Replays the fuzzing seeds and every input that once crashed a fuzz target (`Fuzz/Regressions`),
/// through the same calls as the targets in `Fuzz/Targets`, so a fixed crash stays fixed.
struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz").path

    static func inputs(_ target: String) -> [[UInt8]] {
        ["Seeds", "Regressions"].flatMap { kind -> [[UInt8]] in
            let folder = fuzz + "/\(kind)/\(target)"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { [UInt8]($0) } }
        }
    }

    @Test func seedsExist() {
        for target in ["json", "journal", "store", "csv"] { #expect(!Self.inputs(target).isEmpty, "no seeds for \(target)") }
    }

    @Test func jsonParser() {
        for bytes in Self.inputs("json") {
            switch Result(catching: { () throws(JSONParser.SyntaxError) -> JSONValue in try JSONParser.parse(bytes) }) {
            case .success(let value): _ = value.firstNonWholeNumber()
            case .failure(let error): #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
        }
    }

    @Test func journalReaderAndFold() {
        for bytes in Self.inputs("journal") {
            let (events, problems) = JournalReader.read(Data(bytes), file: "XA.jsonl", state: "XA", renames: RenameBook(installs: []))
            #expect(problems.allSatisfy { ($0.location?.line ?? 1) >= 1 && ($0.location?.column ?? 1) >= 1 })
            let journal = Journal(state: "XA", events: events)
            #expect(journal.events.count == events.count)
        }
    }

    @Test func storeFiles() {
        for input in Self.inputs("store") where !input.isEmpty {
            let bytes = Array(input.dropFirst())
            switch input[0] % 3 {
            case 0: if let m = try? StoreManifest.decode(bytes, file: "store.json") { #expect(m.format == 1) }
            case 1: _ = try? CatalogLoader.decodeCatalog(bytes, file: "catalog.json")
            default:
                if let directory = try? CatalogLoader.decodeStates(bytes, file: "states.json") {
                    #expect(directory.all.allSatisfy { SafePath.codeProblem($0.code) == nil })
                }
            }
        }
    }
}
