import ArgumentParser
import ActionPlanStore

/// `actionplan repair`: completes or discards interrupted batch writes now.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Complete interrupted writes (any command does this too) and upgrade an older store.",
        discussion: """
            A write of many events (an import, a bulk change) is recorded in .pending/ before any journal
            is touched. If it was interrupted (kill -9, full disk, power cut), a committed batch is
            completed whole and an uncommitted one is discarded; a damaged one is moved to .quarantine/.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "table or json (the repairs done).") var format: ListFormat = .table

    func run() throws {
        let store = try storeOptions.open(create: false)
        let done: [StoreProblem]
        do { done = try store.repair() } catch { throw fail(error.description, code: ExitCodes.storeError) }
        if format == .json {
            return try printJSON(ValidationReport(store: store.path, problems: done))
        }
        for item in done { print(item.description) }
        print(done.isEmpty ? "\(store.path): nothing to repair" : "\(store.path): \(done.count) repair(s) done")
    }
}
