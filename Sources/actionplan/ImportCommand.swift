import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport

/// `actionplan import FILE.csv|FILE.xlsx`: reads an edited CSV or XLSX export back, all rows or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import statuses, notes and evidence from an edited CSV or XLSX export.",
        discussion: """
            The file must have the layout of `actionplan export --format csv` (a BOM and CRLF are fine) \
            or of `--format xlsx` (every sheet whose cell A1 is state_code is read; a workbook is \
            recognised by its content, not its name).
            Only status_id, note and evidence are read; every row is checked first, and if any row is
            wrong nothing is written and every problem is listed (exit 64). A row whose action changed in
            the store since the export (its `base` cell no longer names the store's head) is refused unless
            the store already equals the row. Otherwise one event is appended per row that changes
            something, in one batch: all of it is written or none (exit 75 if a colleague's change lands
            meanwhile). See docs/export-formats.md.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The CSV or XLSX file.") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check and show what would change; write nothing.") var dryRun = false
    @OptionGroup var author: AuthorOptions
    @Option(help: "table or json (the planned changes and what was written).") var format: ListFormat = .table

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try FileIO.readBytes(file) } catch {
            throw fail("cannot read \(file): \(error.message)", code: ExitCodes.usage)
        }
        let (store, loaded) = try storeOptions.load()
        let (plan, sheets) = try XLSXImport.isWorkbook(bytes) ? planWorkbook(bytes, tracker: loaded.tracker)
            : (planCSV(bytes, tracker: loaded.tracker), [])
        if format == .table {
            for (i, change) in plan.changes.enumerated() {
                print((i < sheets.count ? "sheet '\(TerminalSafe.clean(sheets[i]))', " : "") + change.description)
            }
        }
        if dryRun {
            if format == .json { return try printJSON(ImportReport(plan: plan, sheets: sheets, written: [], dryRun: true)) }
            print(plan.summary + "; dry run, nothing written")
            return
        }
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let events = plan.events(author: who, time: Timestamp(date: Date()), makeID: EventID.make)
        // One batch: all rows or none, and each row's base is checked again under the store's lock.
        do { try store.append(events) } catch {
            throw failWrite(error)
        }
        if format == .json { return try printJSON(ImportReport(plan: plan, sheets: sheets, written: events, dryRun: false)) }
        print(plan.summary + (events.isEmpty ? "; nothing to write" : "; \(events.count) event(s) written by \(who)"))
    }

    private func planCSV(_ bytes: [UInt8], tracker: Tracker) throws -> ImportPlan {
        switch ImportPlanner.plan(csv: bytes, tracker: tracker, today: ReviewDate(Timestamp(date: Date()))) {
        case .success(let plan):
            return plan
        case .failure(let problems):
            for problem in problems.all { Console.error("\(file): \(problem)") }
            throw refuse(shown: problems.all.count, omitted: problems.omitted)
        }
    }

    /// The combined plan, and the sheet of each change (in the plan's order).
    private func planWorkbook(_ bytes: [UInt8], tracker: Tracker) throws -> (ImportPlan, [String]) {
        switch XLSXImport.plan(xlsx: bytes, tracker: tracker, today: ReviewDate(Timestamp(date: Date()))) {
        case .success(let plan):
            if !plan.ignored.isEmpty {
                Console.note("not status tables, not read: " + plan.ignored.map { "'\(TerminalSafe.clean($0))'" }.joined(separator: ", "))
            }
            return (plan.combined, plan.sheets.flatMap { sheet in sheet.plan.changes.map { _ in sheet.name } })
        case .failure(let problems):
            for problem in problems.all { Console.error("\(file): \(problem)") }
            throw refuse(shown: problems.all.count, omitted: problems.omitted)
        }
    }

    private func refuse(shown: Int, omitted: Int) -> Error {
        if omitted > 0 { Console.error("\(file): … and \(omitted) more problem(s) (the first \(shown) are shown)") }
        return fail("\(shown + omitted) problem(s); nothing was written", code: ExitCodes.usage)
    }
}

/// `import --format json`: each planned change, the counts, and the events written.
struct ImportReport: Encodable {
    struct Change: Encodable {
        var sheet: String?
        var row: Int
        var state, action, from: String
        var to: String?
        var note: String?
        var evidenceAdded, evidenceRemoved: [String]?
        var base: [String]
        /// The new follow-up date and owner, or `followUpCleared` when the row removes it.
        var followUpDate, followUpOwner: String?
        var followUpCleared: Bool?
    }
    var changes: [Change]
    var unchanged, skipped: Int
    var dryRun: Bool
    /// The ids of the events written (empty on a dry run or when nothing changed).
    var written: [String]

    init(plan: ImportPlan, sheets: [String], written: [ChangeEvent], dryRun: Bool) {
        changes = plan.changes.enumerated().map { i, c in
            Change(sheet: i < sheets.count ? sheets[i] : nil, row: c.row, state: c.state, action: c.action, from: c.before.rawValue,
                   to: c.status?.rawValue, note: c.note, evidenceAdded: c.evidenceAdded, evidenceRemoved: c.evidenceRemoved, base: c.base,
                   followUpDate: c.change.followUp?.value?.date.description, followUpOwner: c.change.followUp?.value?.owner,
                   followUpCleared: c.change.followUp == .cleared ? true : nil)
        }
        unchanged = plan.unchanged
        skipped = plan.skipped
        self.dryRun = dryRun
        self.written = written.map(\.id)
    }
}
