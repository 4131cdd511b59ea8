import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanExport
import ActionPlanStore

/// `actionplan changes`: every status transition in a period, with improvements and regressions per State and author.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Report every status change in a period, with improvements and regressions per State and author.",
        discussion: """
            The period runs from the start of --from to the end of --to (UTC, both included; --to defaults \
            to the latest change). Only status changes count; moves into or out of not-assessed and \
            not-applicable are neither improvements nor regressions.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, markdown }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD")) var from: String
    @Option(help: ArgumentHelp("Last day of the period (default: no end).", valueName: "YYYY-MM-DD")) var to: String?
    @Option(name: .customLong("state"), help: ArgumentHelp("Only this State (code or name); repeatable.", valueName: "STATE"))
    var states: [String] = []
    @Flag(help: "Include the Partners for Co-operation.") var partners = false
    @Option(help: "table, csv, json or markdown.") var format: Format = .table
    @OptionGroup var output: OutputOptions

    func run() throws {
        let start = try requireDay(from, option: "--from", endOfDay: false)
        let end = try to.map { try requireDay($0, option: "--to", endOfDay: true) }
        if let end, end < start { throw fail("--to \(to!) is before --from \(from)", code: ExitCodes.usage) }
        // Only the changes since --from are read, page by page from the end of each journal.
        let (store, catalogOnly) = try storeOptions.load(states: [])
        let tracker = catalogOnly.tracker
        let scope = ExportScope(states: try tracker.requireStates(states),
                                includePartners: partners || tracker.settings.includePartners)
        let participants = scope.participants(in: tracker)
        let changes: [PagedChange]
        do {
            // States without a journal have no changes: the store skips them.
            changes = try store.newestChanges(states: participants.map(\.code), limit: Int.max, since: start)
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        let report = ChangeReport(catalog: tracker.catalog, states: participants, changes: Dictionary(grouping: changes, by: \.event.state),
                                  from: start, to: end)
        let bytes: [UInt8]
        switch format {
        case .table: bytes = ChangeReportText.write(report)
        case .csv: bytes = ChangeReportFiles.csv(report)
        case .json: bytes = ChangeReportFiles.json(report)
        case .markdown: bytes = ChangeReportFiles.markdown(report)
        }
        try output.deliver(bytes, outside: store, what: "change report (\(Plural.count(report.transitions.count, "change")))")
    }
}
