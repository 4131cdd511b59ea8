import ArgumentParser
import ActionPlanModel
import ActionPlanStore

/// `actionplan validate`: every problem in the store, with file:line:column; exit 1 if any.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check store.json, the catalog and every journal line; exit 1 if anything is wrong.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open(create: false)
        let problems = store.validate()
        for problem in problems { print(problem.description) }
        if problems.isEmpty {
            print("\(store.path): no problems")
        } else {
            Console.note(Plural.count(problems.count, "problem"))
            throw ExitCode(ExitCodes.problemsFound)
        }
    }
}
