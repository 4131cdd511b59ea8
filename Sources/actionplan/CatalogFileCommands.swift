import ArgumentParser
import Foundation
import TerminalKit
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport

/// The two editable forms of a catalog.
enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv

    /// The format asked for, else the one the file name says (`.csv`), else JSON.
    static func of(_ file: String, explicit: CatalogFormat?) -> CatalogFormat {
        explicit ?? (file.lowercased().hasSuffix(".csv") ? .csv : .json)
    }
}

/// `actionplan catalog export FILE [--format json|csv]`: the catalog in use, to edit and import again.
struct CatalogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the catalog in use to a file an office can edit and import.",
        discussion: """
            JSON is the whole catalog (pillars, areas, documents, tags, actions), in the format of the \
            store's catalog.json. CSV is one row per action with the columns id, pillar, area, title, \
            summary, document, chapter, section, paragraph, verified, tags, addressee; its pillars, \
            areas, documents and tags come from the catalog in use when it is imported. The format \
            follows the file name (.csv) unless --format says. `verified` shows the recorded \
            verifications; editing it changes nothing (use `catalog verify`).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The file to write (atomically), or - for standard output.") var file: String
    @Option(help: "json or csv (default: from the file name).") var format: CatalogFormat?

    func run() throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let catalog = loaded.tracker.catalog
        let chosen = CatalogFormat.of(file, explicit: format)
        let bytes = chosen == .csv ? CatalogCSV.write(catalog) : CatalogFile.encode(catalog, keepVerified: true)
        guard file != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do { try store.refuseOutputInside(file) } catch {
            throw fail(error.description + "; nothing was written", code: ExitCodes.usage)
        }
        do { try FileIO.writeAtomically(Data(bytes), to: file) } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        Console.note("wrote the catalog \(catalog.id) \(catalog.version) (\(catalog.allActions.count) actions, \(chosen.rawValue)) to \(file)")
    }
}

/// `actionplan catalog import FILE [--dry-run] [--renames MAP.csv]`: check, diff, install.
struct CatalogImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a catalog file, show what it changes, and install it as the store's catalog.",
        discussion: """
            The file is JSON (the store's catalog.json format) or CSV (the layout of `catalog export \
            --format csv`), by its name unless --format says. Every problem is listed with its place \
            (file:line:column for JSON, row and column for CSV) and nothing is written (exit 64). The \
            diff lists added, removed, renamed, split, merged, retitled and moved actions and changed \
            references, and warns about removed actions that have history (kept as orphans), \
            `verified` claims without a verification record (ignored), and verifications that no \
            longer apply. Then the file is installed as catalog.json, store.json gets its version and \
            office.jsonl a catalog.install record. --renames MAP.csv (columns old_id,new_id; a split \
            lists the old id twice, a merge the new id twice) makes history follow the new ids; \
            events are never rewritten.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The catalog file (JSON or CSV).") var file: String
    @Option(help: "json or csv (default: from the file name).") var format: CatalogFormat?
    @Option(help: ArgumentHelp("A CSV of renamed, split and merged ids: old_id,new_id.", valueName: "MAP.csv")) var renames: String?
    @Flag(name: .customLong("dry-run"), help: "Check and show the diff; write nothing.") var dryRun = false
    @OptionGroup var author: AuthorOptions

    func run() throws {
        let bytes = try readInput(file)
        let (store, loaded) = try storeOptions.load()
        let tracker = loaded.tracker
        let current = tracker.catalog
        let new = try parse(bytes, frame: current)
        let pairs = try readRenames(current: current, new: new, tracker: tracker)
        let diff = CatalogDiff(old: current, new: new, renames: pairs.map { ($0.old, $0.new) },
                               history: { tracker.statesWithHistory(of: $0) },
                               verifications: VerificationBook(records: tracker.office))
        print("catalog \(current.id) \(current.version) → \(new.id) \(CatalogFile.label(of: new.version)) (\(TerminalSafe.clean(file)))")
        for line in CatalogDiffText.lines(diff) { print(line) }
        for warning in diff.warnings { Console.warning(warning) }
        if CatalogFile.encode(new, keepVerified: false) == CatalogFile.encode(current, keepVerified: false), pairs.isEmpty {
            print("the file is the catalog in use; nothing to install")
            return
        }
        if dryRun {
            print(CatalogDiffText.summary(diff) + "; dry run, nothing written")
            return
        }
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let installed: CatalogInstall
        do {
            installed = try store.installCatalog(new, expecting: current.version, renames: pairs.map { ($0.old, $0.new) },
                                                 author: who, time: Timestamp(date: Date()), recordID: EventID.make())
        } catch {
            throw fail(error.description, code: error.kind == .headMoved ? ExitCodes.headMoved : ExitCodes.storeError)
        }
        print(CatalogDiffText.summary(diff) + "; installed catalog \(new.id) \(installed.version) (was \(installed.from)) by \(who)")
    }

    private func readInput(_ path: String) throws -> [UInt8] {
        do { return try FileIO.readBytes(path) } catch {
            throw fail("cannot read \(path): \(error.message)", code: ExitCodes.usage)
        }
    }

    private func parse(_ bytes: [UInt8], frame: Catalog) throws -> Catalog {
        switch CatalogFormat.of(file, explicit: format) {
        case .json:
            let (catalog, problems) = CatalogFile.decode(bytes, file: file)
            guard let catalog else {
                for problem in problems {
                    Console.error((problem.location.map { "\(problem.file):\($0.line):\($0.column): " } ?? "\(problem.file): ") + problem.message)
                }
                throw fail("\(problems.count) problem(s) in \(file); nothing was written", code: ExitCodes.usage)
            }
            return catalog
        case .csv:
            switch CatalogCSV.read(bytes, frame: frame) {
            case .success(let catalog): return catalog
            case .failure(let problems):
                for problem in problems.all { Console.error("\(file): \(problem)") }
                throw fail("\(problems.total) problem(s) in \(file); nothing was written", code: ExitCodes.usage)
            }
        }
    }

    private func readRenames(current: Catalog, new: Catalog, tracker: Tracker) throws -> [(line: Int, old: String, new: String)] {
        guard let renames else { return [] }
        let bytes = try readInput(renames)
        switch RenameMapCSV.read(bytes) {
        case .failure(let problems):
            for problem in problems.all { Console.error("\(renames): \(problem)") }
            throw fail("\(problems.total) problem(s) in \(renames); nothing was written", code: ExitCodes.usage)
        case .success(let pairs):
            let problems = RenameMap.check(pairs, current: current, new: new,
                                           hasHistory: { !tracker.statesWithHistory(of: $0).isEmpty })
            guard problems.isEmpty else {
                for problem in problems { Console.error("\(renames): \(problem)") }
                throw fail("\(problems.count) problem(s) in \(renames); nothing was written", code: ExitCodes.usage)
            }
            return pairs
        }
    }
}

extension Tracker {
    /// The States whose journals hold events for `action` (as folded now, so orphans count).
    func statesWithHistory(of action: String) -> [String] {
        journals.keys.sorted().filter { journals[$0]!.current[action] != nil }
    }
}

/// The diff of `catalog import` as lines of text.
enum CatalogDiffText {
    static func lines(_ diff: CatalogDiff) -> [String] {
        var out: [String] = []
        func row(_ label: String, _ id: String, _ text: String) {
            out.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + " " + id + (text.isEmpty ? "" : "  " + text))
        }
        for action in diff.added { row("added", action.id, "\"\(action.title)\"") }
        for removal in diff.removed {
            let states = removal.statesWithHistory
            row("removed", removal.action.id, "\"\(removal.action.title)\"" + (states.isEmpty ? "" : "  (history in \(states.joined(separator: ", ")): kept as orphans)"))
        }
        for mapping in diff.mappings {
            row(mapping.kind.rawValue, mapping.old.joined(separator: " + "), "→ " + mapping.new.joined(separator: " + "))
        }
        for edit in diff.retitled { row("retitled", edit.id, "\"\(edit.before)\" → \"\(edit.after)\"") }
        for move in diff.moved { row("moved", move.id, "\(move.from) → \(move.to)") }
        for edit in diff.referencesChanged { row("reference", edit.id, "\(edit.before) → \(edit.after)") }
        if diff.isEmpty { out.append("  no action added, removed, renamed, retitled or moved; no reference changed") }
        return out.map { TerminalSafe.clean($0) }
    }

    static func summary(_ diff: CatalogDiff) -> String {
        let parts = [(diff.added.count, "added"), (diff.removed.count, "removed"), (diff.mappings.count, "mapped"),
                     (diff.retitled.count, "retitled"), (diff.moved.count, "moved"), (diff.referencesChanged.count, "reference(s) changed")]
        return parts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

/// `actionplan catalog verify ACTION --document …`: records that a reference was checked.
struct CatalogVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record that an action's source reference was checked against an official document.",
        discussion: """
            Writes a catalog.verify office record (action, the reference as the catalog gives it now, the \
            document checked against, who). The reference then shows as verified until a catalog import \
            changes it (document, chapter, section or paragraph), or `catalog unverify` withdraws it.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The action id.") var action: String
    @Option(help: ArgumentHelp("The official document checked against (symbol, edition, where it was read).", valueName: "TEXT"))
    var document: String
    @OptionGroup var author: AuthorOptions

    func validate() throws {
        let trimmed = document.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.contains(where: \.isNewline) || trimmed.count > 500 {
            throw ValidationError("--document: give the document on one line (1–500 characters), for example \"PC.DEC/557/Rev.1, official PDF\"")
        }
    }

    func run() throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let found = try loaded.tracker.requireAction(action)
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let reference = found.source.locator
        let text = document.trimmingCharacters(in: .whitespacesAndNewlines)
        let written: OfficeRecord?
        do {
            written = try store.appendOffice { log throws(StoreError) -> OfficeRecord? in
                if let standing = VerificationBook(records: log.records).standing[found.id],
                   standing.reference == reference, standing.document == text { return nil }
                return OfficeRecord(id: EventID.make(), time: Timestamp(date: Date()), author: who, kind: VerificationBook.verifyKind,
                                    fields: ["action": .text(found.id), "reference": .text(reference), "document": .text(text), "by": .text(who)])
            }
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        if written == nil {
            print("\(found.id): '\(reference)' is already verified against '\(TerminalSafe.clean(text))'; nothing written")
        } else {
            print("\(found.id): '\(reference)' verified against '\(TerminalSafe.clean(text))' by \(TerminalSafe.clean(who))")
        }
    }
}

/// `actionplan catalog unverify ACTION`: withdraws a recorded verification.
struct CatalogUnverifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unverify",
        abstract: "Withdraw the verification of an action's source reference.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The action id.") var action: String
    @OptionGroup var author: AuthorOptions

    func run() throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let found = try loaded.tracker.requireAction(action)
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let written: OfficeRecord?
        do {
            written = try store.appendOffice { log throws(StoreError) -> OfficeRecord? in
                guard VerificationBook(records: log.records).standing[found.id] != nil else { return nil }
                return OfficeRecord(id: EventID.make(), time: Timestamp(date: Date()), author: who, kind: VerificationBook.unverifyKind,
                                    fields: ["action": .text(found.id), "reference": .text(found.source.locator)])
            }
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        print(written == nil ? "\(found.id) has no verification; nothing written"
                             : "\(found.id): verification withdrawn by \(TerminalSafe.clean(who))")
    }
}

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
