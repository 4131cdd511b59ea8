import ArgumentParser
import Foundation
import ActionPlanModel

/// `actionplan`: the root command. With no subcommand it opens the terminal UI.
@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Track how States implement the OSCE Action Plan to Combat Trafficking in Human Beings.",
        discussion: """
            The store is a folder of JSON files: --store DIR, else $ACTIONPLAN_STORE, else \
            $XDG_DATA_HOME/actionplan (~/.local/share/actionplan). `actionplan init` creates it with the \
            embedded catalog (the TUI also creates the default location on first use).

            Exit codes: 0 success; 1 `validate` found problems; 64 usage error (bad option, unknown \
            State, action or status); 65 store error (damaged, newer format, cannot write); \
            69 the terminal cannot run the TUI, or git is missing for `sync`; 75 someone changed what \
            the command read before it could write (nothing was written; run it again).
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            CatalogCommand.self,
            StatesCommand.self,
            ShowCommand.self,
            SetCommand.self,
            HistoryCommand.self,
            SummaryCommand.self,
            ValidateCommand.self,
            ExportCommand.self,
            ChangesCommand.self,
            ImportCommand.self,
            ConflictsCommand.self,
            RoundCommand.self,
            SyncCommand.self,
            RepairCommand.self,
            ConfigCommand.self,
            FollowUpCommand.self,
            DueCommand.self,
            OfficersCommand.self,
            TUICommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Parses and runs, with every error in one style (`actionplan: error: …`, exit 64 for usage).
    ///
    /// A first word that is not a subcommand would otherwise go to the default `tui` as "2 unexpected
    /// arguments" with the `tui` usage; it is almost always a typo, so it gets "did you mean".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let word = arguments.first, !word.hasPrefix("-"), !names.contains(word) {
            let close = Suggestions.closest(to: word, among: names, limit: 1)
            Console.error("unknown command '\(word)'" + (close.first.map { "; did you mean '\($0)'?" } ?? "")
                          + " (run `actionplan --help` for the list)")
            Foundation.exit(ExitCodes.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // Help, version and our own `fail(...)` (already printed) keep ArgumentParser's handling.
            if error is ExitCode { exit(withError: error) }
            if exitCode(for: error) == .success {
                // Help and version: our own text, printed through the one sanitizer like every line.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let sub = arguments.first.flatMap { names.contains($0) ? " \($0)" : nil } ?? ""
            let text = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            let first = text.prefix(1).lowercased() + text.dropFirst()
            Console.error(first + " (run `actionplan\(sub) --help`)")
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
