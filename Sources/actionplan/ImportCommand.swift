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

    func run() throws {
        let bytes: [UInt8]
        do { bytes = [UInt8](try FileIO.read(file)) } catch {
            throw fail("cannot read \(file): \(error.message)", code: ExitCodes.usage)
        }
        let (store, loaded) = try storeOptions.load()
        let plan = try XLSXImport.isWorkbook(bytes) ? planWorkbook(bytes, tracker: loaded.tracker)
            : planCSV(bytes, tracker: loaded.tracker)
        if dryRun {
            print(plan.summary + "; dry run, nothing written")
            return
        }
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let events = plan.events(author: who, time: Timestamp(date: Date()), makeID: EventID.make)
        // One batch: all rows or none, and each row's base is checked again under the store's lock.
        do { try store.append(events) } catch {
            throw failWrite(error)
        }
        print(plan.summary + (events.isEmpty ? "; nothing to write" : "; \(events.count) event(s) written by \(who)"))
    }

    private func planCSV(_ bytes: [UInt8], tracker: Tracker) throws -> ImportPlan {
        switch ImportPlanner.plan(csv: bytes, tracker: tracker) {
        case .success(let plan):
            for change in plan.changes { print(change.description) }
            return plan
        case .failure(let problems):
            for problem in problems.all { Console.error("\(file): \(problem)") }
            throw refuse(shown: problems.all.count, omitted: problems.omitted)
        }
    }

    private func planWorkbook(_ bytes: [UInt8], tracker: Tracker) throws -> ImportPlan {
        switch XLSXImport.plan(xlsx: bytes, tracker: tracker) {
        case .success(let plan):
            for (sheet, sheetPlan) in plan.sheets {
                for change in sheetPlan.changes { print("sheet '\(TerminalSafe.clean(sheet))', " + change.description) }
            }
            if !plan.ignored.isEmpty {
                Console.note("not status tables, not read: " + plan.ignored.map { "'\(TerminalSafe.clean($0))'" }.joined(separator: ", "))
            }
            return plan.combined
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
