import ArgumentParser
import ActionPlanStore

/// `actionplan init`: create a store (with the embedded catalog) or say that one exists.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store with the embedded catalog (every status starts not-assessed).")

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Track the 11 Partners for Co-operation too (saved in store.json).")
    var partners = false

    func run() throws {
        let path = storeOptions.resolvedPath
        let existed = FileIO.exists(path + "/store.json")
        let store = try storeOptions.open(create: true)
        if partners {
            do { try store.updateSettings { $0.includePartners = true } } catch {
                throw fail(error.description, code: ExitCodes.storeError)
            }
        }
        let (_, loaded) = try storeOptions.load()
        let tracker = loaded.tracker
        let verb = existed ? "Store already exists at" : "Created store at"
        print("\(verb) \(path)")
        print("Catalog: \(tracker.catalog.id) \(tracker.catalog.version), \(tracker.catalog.trackableActions.count) trackable actions")
        print("States: \(tracker.states().count) tracked" + (tracker.settings.includePartners ? " (Partners included)" : ""))
    }
}
