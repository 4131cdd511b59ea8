import ArgumentParser
import ActionPlanModel
import ActionPlanStore

/// `actionplan validate`: every problem in the store, with file:line:column; exit 1 if any.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check store.json, the catalog and every journal line; exit 1 if anything is wrong.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let store = try storeOptions.open(create: false)
        let problems = store.validate()
        if format == .json {
            try printJSON(ValidationReport(store: store.path, problems: problems))
            if !problems.isEmpty { throw ExitCode(ExitCodes.problemsFound) }
            return
        }
        for problem in problems { print(problem.description) }
        if problems.isEmpty {
            print("\(store.path): no problems")
        } else {
            Console.note(Plural.count(problems.count, "problem"))
            throw ExitCode(ExitCodes.problemsFound)
        }
    }
}

/// `validate --format json`: every problem with its place.
struct ValidationReport: Encodable {
    struct Problem: Encodable {
        var severity, file, message: String
        var line, column: Int?
    }
    var store: String
    var problems: [Problem]

    init(store: String, problems: [StoreProblem]) {
        self.store = store
        self.problems = problems.map {
            Problem(severity: $0.severity.rawValue, file: $0.file, message: $0.message,
                    line: $0.location.map { Int($0.line) }, column: $0.location.map { Int($0.column) })
        }
    }
}
