import ArgumentParser

/// `--store DIR`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.",
        discussion: "Default: $ACTIONPLAN_STORE, else $XDG_DATA_HOME/actionplan (~/.local/share/actionplan).",
        valueName: "DIR"))
    var store: String?
}

/// `--by NAME`, for commands that write events.
struct AuthorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who makes the change.",
        discussion: "Default: $ACTIONPLAN_USER, else the login name.", valueName: "NAME"))
    var by: String?
}
