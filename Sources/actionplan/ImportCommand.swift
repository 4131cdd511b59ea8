import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport

/// `actionplan import FILE.csv`: reads an edited CSV export back, all rows or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import statuses, notes and evidence from an edited CSV export.",
        discussion: """
            The file must have the layout of `actionplan export --format csv` (a BOM and CRLF are fine).
            Only status_id, note and evidence are read; every row is checked first, and if any row is
            wrong nothing is written and every problem is listed (exit 64). A row whose action changed in
            the store since the export (its `base` cell no longer names the store's head) is refused unless
            the store already equals the row. Otherwise one event is appended per row that changes
            something, in one batch: all of it is written or none (exit 75 if a colleague's change lands
            meanwhile). See docs/export-formats.md.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The CSV file.") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check and show what would change; write nothing.") var dryRun = false
    @OptionGroup var author: AuthorOptions

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try FileIO.readBytes(file) } catch {
            throw fail("cannot read \(file): \(error.message)", code: ExitCodes.usage)
        }
        let (store, loaded) = try storeOptions.load()
        let plan: ImportPlan
        switch ImportPlanner.plan(csv: bytes, tracker: loaded.tracker) {
        case .success(let planned): plan = planned
        case .failure(let problems):
            for problem in problems.all { Console.error("\(file): \(problem)") }
            if problems.omitted > 0 { Console.error("\(file): … and \(problems.omitted) more problem(s) (the first \(problems.all.count) are shown)") }
            throw fail("\(problems.total) problem(s); nothing was written", code: ExitCodes.usage)
        }
        for change in plan.changes { print(change.description) }
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
}
