import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanExport

extension ExportFormat: ExpressibleByArgument {}
extension StatusXLSX.Sheets: ExpressibleByArgument {}

/// `actionplan export`: the statuses of every State × action as CSV, JSON, Markdown or an HTML report.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export statuses as CSV, JSON, Markdown, an XLSX workbook or a self-contained HTML report.",
        discussion: """
            With --as-of DATE every status is reconstructed as it was at the end of that day (UTC). \
            The HTML report also lists the status changes since --since (default: 30 days before the \
            as-of date, or before today). The layouts are described in docs/export-formats.md; the CSV \
            and the XLSX workbook can be edited in a spreadsheet and read back with `actionplan import`. \
            The workbook has an Overview sheet, one sheet per pillar (or per State with --sheets state) \
            and a Legend; it is binary, so give --output or redirect standard output to a file.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The format.") var format: ExportFormat
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Statuses as at the end of this day.", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(name: .customLong("state"), help: ArgumentHelp("Only this State (code or name); repeatable.", valueName: "STATE"))
    var states: [String] = []
    @Option(help: "Only this pillar (prevention, prosecution, protection, partnerships).") var pillar: String?
    @Flag(help: "Include the Partners for Co-operation.") var partners = false
    @Flag(help: "CSV only: start with a byte order mark so Excel reads UTF-8.") var excel = false
    @Option(help: ArgumentHelp("HTML: list status changes from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: "XLSX only: one sheet per pillar or per State.") var sheets: StatusXLSX.Sheets?
    @OptionGroup var outputOptions: OutputOptions
    private var output: String? { outputOptions.output }

    func validate() throws {
        if excel, format != .csv { throw ValidationError("--excel only applies to --format csv") }
        if sheets != nil, format != .xlsx { throw ValidationError("--sheets only applies to --format xlsx") }
        if format.isBinary, output == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an XLSX workbook is binary; give --output FILE.xlsx or redirect standard output to a file")
        }
    }

    func run() throws {
        let end = try asOf.map { try requireDay($0, option: "--as-of", endOfDay: true) }
        let from = try since.map { try requireDay($0, option: "--since", endOfDay: false) }
        // States are named by code or name: resolve them against the store's list of States first (no
        // journal is read for that), then read only the journals the export needs.
        let directory = try storeOptions.load(states: [], history: .recent).1.tracker
        let scope = ExportScope(states: try directory.requireStates(states), pillar: try pillar.map { try directory.requirePillar($0).id },
                                includePartners: partners || directory.settings.includePartners)
        let export = StatusExport(format: format, scope: scope, asOf: end, changesFrom: from, excel: excel, sheets: sheets ?? .pillar)
        let (store, loaded) = try storeOptions.load(states: export.journals, history: export.needsCompleteHistory ? .complete : .recent)
        let output = export.run(on: loaded.tracker, storeFormat: loaded.manifest.format, now: Timestamp(date: Date()))
        try outputOptions.deliver(output.bytes, outside: store, what: output.summary)
    }
}
