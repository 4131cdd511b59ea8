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
