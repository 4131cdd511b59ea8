import ArgumentParser

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
            69 the terminal cannot run the TUI.
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
            TUICommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )
}
