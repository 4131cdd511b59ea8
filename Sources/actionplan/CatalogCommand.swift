import ArgumentParser
import ActionPlanModel

/// `actionplan catalog`: the catalog in use (`show`, the default), and how an office replaces it
/// (`export`, `import`) and verifies its references (`verify`, `unverify`).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print, export, replace and verify the catalog of recommended actions.",
        discussion: """
            `actionplan catalog [show] [--format tree|json]` prints the catalog in use (the default \
            subcommand). Source references marked (unverified) were not checked against the official \
            text; `catalog verify` records a check.
            """,
        subcommands: [CatalogShowCommand.self, CatalogExportCommand.self, CatalogImportCommand.self,
                      CatalogVerifyCommand.self, CatalogUnverifyCommand.self, CatalogLogCommand.self],
        defaultSubcommand: CatalogShowCommand.self)
}

/// `actionplan catalog [show]`: the tree pillar → area → action, as text or JSON.
struct CatalogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the catalog of recommended actions (the default).",
        discussion: "Source references marked (unverified) were not checked against the official text.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case tree, json }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "tree or json.") var format: Format = .tree

    func run() throws {
        let (_, loaded) = try storeOptions.load(states: [])
        let catalog = loaded.tracker.catalog
        switch format {
        case .json:
            try printJSON(CatalogJSON(catalog))
        case .tree:
            print("\(catalog.title) — \(catalog.id) \(catalog.version)")
            let references = catalog.verifiedReferences
            print("\(references.verified) of \(references.total) references verified")
            if let notice = catalog.notice { print(notice) }
            for pillar in catalog.pillars {
                print("\n\(pillar.title.uppercased()) [\(pillar.id)]")
                for area in pillar.areas {
                    print("  \(area.title) [\(area.id)]")
                    for action in area.actions {
                        let mark = action.isTrackable ? " " : "*"
                        print("   \(mark)\(action.id)  \(action.title)  — \(action.source.citation)")
                    }
                }
            }
            print("\n* addressed to OSCE structures, not tracked per State")
        }
    }
}

/// The documented shape of `catalog --format json`.
struct CatalogJSON: Encodable {
    struct PillarJSON: Encodable { var id, title, description: String; var areas: [AreaJSON] }
    struct AreaJSON: Encodable { var id, title: String; var actions: [ActionJSON] }
    struct ActionJSON: Encodable {
        var id, title, summary: String
        var source: SourceReference
        var tags: [String]
        var addressee: String
    }
    var id: String
    var version: String
    var pillars: [PillarJSON]

    init(_ catalog: Catalog) {
        id = catalog.id
        version = catalog.version
        pillars = catalog.pillars.map { p in
            PillarJSON(id: p.id, title: p.title, description: p.description, areas: p.areas.map { a in
                AreaJSON(id: a.id, title: a.title, actions: a.actions.map { x in
                    ActionJSON(id: x.id, title: x.title, summary: x.summary, source: x.source, tags: x.tags,
                               addressee: x.addressee.rawValue)
                })
            })
        }
    }
}
