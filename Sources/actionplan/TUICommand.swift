import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import TerminalDriver
import TrackerApp
import TrackerCore

/// `actionplan tui` (also `actionplan` alone): the full-screen interface.
///
/// Wiring only: the store is opened and loaded before the terminal is touched, so a damaged store or an
/// unknown State prints a plain message on a normal terminal (exit 65 / 64); then the driver starts
/// (exit 69 when there is no usable terminal) and a `TrackerSession` runs on it, with its
/// `EffectRunner` as the only I/O.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the terminal UI (the default when no subcommand is given).",
        discussion: """
            Keys: ? shows them all. Tab switches screens, s sets a status, n edits the note, q quits. \
            The terminal is restored on quit, on Ctrl-C and when the program is killed. \
            NO_COLOR (non-empty) turns colours off, as --no-color does.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("Start on this State (code or name).", valueName: "CODE")) var state: String?
    @Flag(help: "Browse only: editing keys are refused and nothing is written (reviewers).") var readOnly = false
    @Flag(help: "No colours (as NO_COLOR=1); symbols, bold and reverse still carry the meaning.") var noColor = false
    @Flag(help: "ASCII symbols and bars only, for terminals or fonts without the Unicode ones.") var ascii = false
    @OptionGroup var author: AuthorOptions

    func run() throws {
        // Only the default location is created on first use (and the footer says so); a `--store`
        // or `$ACTIONPLAN_STORE` that names no store is an error, as in every other command.
        let created = storeOptions.isDefaultLocation && !FileIO.exists(storeOptions.resolvedPath + "/store.json")
        let (store, loaded) = try storeOptions.load(create: storeOptions.isDefaultLocation, history: .recent)
        let environment = ProcessInfo.processInfo.environment
        let settings = TUISettings.load(environment: environment, directory: loaded.tracker.directory)
        let initialState = try state.map { try loaded.tracker.requireState($0).code } ?? settings.defaultState
        var reason: String?
        if !readOnly, !store.isWritable {
            reason = "the store is not writable for this user"
            Console.note("actionplan: note: \(store.path): \(reason!); opening read-only")
        }

        let terminal: Terminal
        do {
            terminal = try Terminal.start(options: TerminalOptions.resolve(environment: environment, noColorFlag: noColor))
        } catch {
            throw fail(error.description, code: ExitCodes.terminalUnusable)
        }
        defer { terminal.stop() }

        let options = AppOptions(storeName: URL(fileURLWithPath: store.path).lastPathComponent,
                                 initialState: initialState, readOnly: readOnly || reason != nil,
                                 readOnlyReason: reason, ascii: ascii, colors: terminal.colorEnabled,
                                 notice: created ? "created a new store at \(store.path)" : settings.notice,
                                 theme: settings.theme, exportFolder: settings.exportFolder,
                                 views: settings.views + ((try? store.sharedViews()) ?? []), keys: settings.keys,
                                 user: Author.resolve(explicit: author.by, environment: environment))
        let runner = EffectRunner(store: store, author: Author.resolve(explicit: author.by, environment: environment),
                                  loaded: loaded, exporter: ExportRunner(store: store, home: environment["HOME"]))
        _ = TrackerSession(runner: runner).run(AppState(tracker: loaded.tracker, options: options), on: terminal)
    }
}
