import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanExport
import ActionPlanStore

extension ExportFormat: ExpressibleByArgument {}
extension StatusXLSX.Sheets: ExpressibleByArgument {}

/// `actionplan export`: the statuses of every State × action as CSV, JSON, Markdown or an HTML report.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export statuses as CSV, JSON, Markdown, an XLSX workbook or a self-contained HTML report.",
        discussion: """
            With --as-of DATE every status is reconstructed as it was at the end of that day (UTC); with \
            --round NAME as it was when the round closed (the latest status while it is open), and the \
            round is named in the export. \
            The HTML report also lists the status changes since --since (default: 30 days before the \
            as-of date, or before today), and draws the monthly trend per pillar from the whole history. The layouts are described in docs/export-formats.md; the CSV \
            and the XLSX workbook can be edited in a spreadsheet and read back with `actionplan import`. \
            The workbook has an Overview sheet, one sheet per pillar (or per State with --sheets state) \
            and a Legend; it is binary, so give --output or redirect standard output to a file.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The format.") var format: ExportFormat
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Statuses as at the end of this day.", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: ArgumentHelp("A reporting round: statuses as of its close (now while open), the round named in the export.", valueName: "NAME"))
    var round: String?
    @Option(name: .customLong("state"), help: ArgumentHelp("Only this State (code or name); repeatable.", valueName: "STATE"))
    var states: [String] = []
    @Option(help: "Only this pillar (prevention, prosecution, protection, partnerships).") var pillar: String?
    @Flag(help: "Include the Partners for Co-operation.") var partners = false
    @Flag(help: "CSV only: start with a byte order mark so Excel reads UTF-8.") var excel = false
    @Option(help: ArgumentHelp("HTML: list status changes from this day on.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: "XLSX only: one sheet per pillar or per State.") var sheets: StatusXLSX.Sheets?
    @Flag(name: .customLong("omit-empty-states"),
          help: "Leave out the States with no status, note or evidence recorded in scope (every format; the HTML and Markdown reports name them).")
    var omitEmptyStates = false
    @OptionGroup var outputOptions: OutputOptions
    private var output: String? { outputOptions.output }

    func validate() throws {
        if round != nil, asOf != nil { throw ValidationError("give --round or --as-of, not both (a round's snapshot is as of its close)") }
        if round != nil, since != nil { throw ValidationError("--since does not apply with --round (the change list starts when the round opened)") }
        if excel, format != .csv { throw ValidationError("--excel only applies to --format csv") }
        if sheets != nil, format != .xlsx { throw ValidationError("--sheets only applies to --format xlsx") }
        if format.isBinary, output == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an XLSX workbook is binary; give --output FILE.xlsx or redirect standard output to a file")
        }
    }

    func run() throws {
        let named = try round.map { try requireRound(loadBook(storeOptions), $0) }
        // A round's snapshot is the fold up to its close (nil while it is open: the latest status).
        let end = try named != nil ? named!.snapshotInstant : asOf.map { try requireDay($0, option: "--as-of", endOfDay: true) }
        let from = try since.map { try requireDay($0, option: "--since", endOfDay: false) }
        // The whole history only for a past date; and with --state, only those journals:
        // the names are resolved against the store's list of States first (no journal is read for that).
        let depth: HistoryDepth = StatusExport.needsCompleteHistory(format: format, asOf: end) ? .complete : .recent
        let stateCodes = states.isEmpty ? nil : try storeOptions.load(states: [], history: .recent).1.tracker.requireStates(states)
        let (store, loaded) = try storeOptions.load(states: stateCodes.map(Set.init), history: depth)
        let tracker = loaded.tracker
        let scope = ExportScope(states: stateCodes ?? [], pillar: try pillar.map { try tracker.requirePillar($0).id },
                                includePartners: partners || tracker.settings.includePartners)
        var export = named.map { StatusExport(format: format, scope: scope, round: $0, excel: excel, sheets: sheets ?? .pillar) }
            ?? StatusExport(format: format, scope: scope, asOf: end, changesFrom: from, excel: excel, sheets: sheets ?? .pillar)
        export.omitEmptyStates = omitEmptyStates
        // The reporting rounds are marked on the HTML report's trend chart.
        export.marks = RoundBook(records: tracker.office).chartMarks
        // The trend's tallies come from the store, journal by journal (cached per journal), not from the history.
        let now = Timestamp(date: Date())
        let trend = try export.trendStates(in: tracker).map { codes in
            try store.trendTallies(states: codes, pillars: tracker.catalog.pillars, through: export.trendEnd(now: now))
        }
        // The change list's period, page by page from the end of the journals (not the whole history).
        let changes = try export.changeStates(in: loaded.tracker).map { codes in
            Dictionary(grouping: try store.newestChanges(states: codes, limit: Int.max, since: export.changesStart(now: now)), by: \.event.state)
        }
        let output = export.run(on: loaded.tracker, storeFormat: loaded.manifest.format, now: now, trend: trend, changes: changes)
        try outputOptions.deliver(output.bytes, outside: store, what: output.summary)
    }
}
