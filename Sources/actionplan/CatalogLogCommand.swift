import ArgumentParser
import Foundation
import TerminalKit
import ActionPlanModel
import ActionPlanStore

/// `actionplan catalog log`: who installed which catalog and who verified which reference, oldest first.
struct CatalogLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List catalog installations and verifications (who, when, what), oldest first.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "table or json.") var format: ListFormat = .table

    /// One record as in `office.jsonl`: its fields are strings or lists of strings.
    struct Entry: Encodable {
        enum Value: Encodable {
            case text(String), list([String])
            func encode(to encoder: any Encoder) throws {
                var c = encoder.singleValueContainer()
                switch self { case .text(let text): try c.encode(text); case .list(let list): try c.encode(list) }
            }
        }
        var id, time, author, kind: String
        var fields: [String: Value]
    }

    func run() throws {
        let (_, loaded) = try storeOptions.load(states: [])
        let kinds: Set<String> = [RenameBook.installKind, VerificationBook.verifyKind, VerificationBook.unverifyKind]
        let records = loaded.tracker.office.filter { kinds.contains($0.kind) }
        if format == .json {
            return try printJSON(records.map { record in
                Entry(id: record.id, time: record.time.description, author: record.author, kind: record.kind,
                      fields: record.fields.mapValues { value -> Entry.Value in
                          switch value { case .text(let text): .text(text); case .list(let list): .list(list) }
                      })
            })
        }
        var table = TextTable(["TIME (UTC)", "BY", "WHAT"], flexible: [2])
        for record in records {
            let what: String
            switch record.kind {
            case RenameBook.installKind:
                let renames = record.list("renames") ?? []
                what = "installed \(record.text("catalog") ?? "") \(record.text("version") ?? "") (was \(record.text("from") ?? "?"))"
                    + (renames.isEmpty ? "" : "; mapped " + renames.map { $0.replacingOccurrences(of: ">", with: " → ") }.joined(separator: ", "))
            case VerificationBook.verifyKind:
                what = "verified \(record.text("action") ?? "") '\(record.text("reference") ?? "")' against '\(record.text("document") ?? "")'"
                    + (record.text("by").map { $0 == record.author ? "" : " (checked by \($0))" } ?? "")
            default:
                what = "withdrew the verification of \(record.text("action") ?? "")"
            }
            table.add([record.time.shortDescription, record.author, what])
        }
        if !records.isEmpty { print(table.render()) }
        print(records.count == 1 ? "1 catalog record" : "\(records.count) catalog records")
    }
}
