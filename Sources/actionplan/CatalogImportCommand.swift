import ArgumentParser
import Foundation
import TerminalKit
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport

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
