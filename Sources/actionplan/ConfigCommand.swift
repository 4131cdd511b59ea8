import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore

/// `actionplan config check|example`: the user's settings file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the settings file, or print a commented example.",
        discussion: """
            Settings live in $XDG_CONFIG_HOME/actionplan/config.json (else ~/.config/actionplan/config.json): \
            JSON, with lines starting with // as comments. A file with problems never stops the terminal UI: \
            it starts with the defaults and says why.
            """,
        subcommands: [ConfigCheckCommand.self, ConfigExampleCommand.self])
}

/// `actionplan config check`: every problem with line and column; exit 1 if any.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the settings file; exit 1 if anything is wrong.")

    @Option(help: ArgumentHelp("Check this file instead.", valueName: "FILE")) var file: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let path = file ?? ConfigLocation.path(environment: ProcessInfo.processInfo.environment)
        switch ConfigLocation.load(path) {
        case .absent:
            print("\(path): no settings file; the defaults apply (`actionplan config example` prints one)")
        case .unreadable(let reason):
            throw fail("\(path): \(reason)", code: ExitCodes.storeError)
        case .problems(let problems):
            for problem in problems { print("\(path):\(problem)") }
            Console.note(Plural.count(problems.count, "problem"))
            throw ExitCode(ExitCodes.problemsFound)
        case .loaded(let config):
            if case .failure(let problems) = KeyRebinding.check(config.keys.map { ($0.name, $0.keys) }) {
                for problem in problems.all {
                    let at = config.keys.first { $0.name == problem.name }?.location
                    print("\(path):" + (at.map { "\($0.line):\($0.column): " } ?? " ") + "keys: \(problem.message)")
                }
                Console.note(Plural.count(problems.all.count, "problem"))
                throw ExitCode(ExitCodes.problemsFound)
            }
            // The State is checked against the store's directory when there is a store to ask.
            if let query = config.defaultState, let store = try? Store.open(path: storeOptions.resolvedPath, create: false),
               let loaded = try? store.load(states: []), case .failure(let error) = loaded.tracker.directory.lookup(query) {
                print("\(path): defaultState: \(error.description)")
                throw ExitCode(ExitCodes.problemsFound)
            }
            print("\(path): no problems")
        }
    }
}

/// `actionplan config example`: a commented settings file to start from.
struct ConfigExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Print a commented example settings file.")

    func run() throws {
        print(UserConfig.example, terminator: "")
    }
}
