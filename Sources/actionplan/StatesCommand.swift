import ArgumentParser
import ActionPlanModel
import TerminalKit

/// `actionplan states`: the participating States (and Partners) with their codes.
struct StatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "List the States with their ISO codes.",
        discussion: "Every command accepts a code or a name, case-insensitively: at, AUT, austria.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Include the 11 Partners for Co-operation.") var partners = false
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let (_, loaded) = try storeOptions.load(states: [])
        let states = loaded.tracker.states(includingPartners: partners || loaded.tracker.settings.includePartners)
        switch format {
        case .json:
            try printJSON(states)
        case .table:
            var table = TextTable(["CODE", "ISO3", "NAME", "KIND", "GROUP"])
            for s in states { table.add([s.code, s.iso3, s.name, s.kind.rawValue, s.group]) }
            print(table.render())
        }
    }
}
