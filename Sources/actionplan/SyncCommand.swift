import ArgumentParser
import Foundation
import ActionPlanStore

/// `actionplan sync`: share the store through git (commit ours, merge theirs, check, push).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the store with other offices through git: commit, merge, check, push.",
        discussion: """
            The store must be (in) a git work tree with a remote, for example a clone of a bare
            repository on a shared drive or a git server. sync runs the git on PATH: it commits the
            store's new journal lines, fetches and merges the remote branch (journals merge by union, so
            they never conflict), checks the result, and pushes, retrying when someone pushed meanwhile.
            It reports the events that came in per State and any new conflicts (`actionplan conflicts`).
            It refuses to run when the work tree has changes outside the store's files.
            Exit codes: 64 the folder is not set up for sharing (not a repository, no remote, unrelated
            changes); 65 git failed (merge stopped, push refused) or the store could not be read;
            69 git is not installed.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The remote to sync with (default: origin, else the only remote).") var remote: String?
    @OptionGroup var author: AuthorOptions
    @Option(help: "table or json (the report).") var format: ListFormat = .table

    func run() throws {
        let store = try storeOptions.open(create: false)
        let environment = ProcessInfo.processInfo.environment
        let sync = StoreSync(store: store, author: Author.resolve(explicit: author.by, environment: environment),
                             environment: environment)
        let report: StoreSync.Report
        do {
            report = try sync.run(remote: remote)
        } catch {
            switch error.kind {
            case .gitMissing: throw fail(error.message, code: ExitCodes.terminalUnusable)
            case .setup: throw fail(error.message, code: ExitCodes.usage)
            case .git, .store: throw fail(error.message, code: ExitCodes.storeError)
            }
        }
        if format == .json { return try printJSON(SyncReportJSON(report)) }
        for line in report.lines { print(line) }
    }
}

/// `sync --format json`: what came in, what went out, which conflicts appeared.
struct SyncReportJSON: Encodable {
    struct NewConflict: Encodable {
        var state, action: String
        var heads: [String]
        var authors: [String]
    }
    var remote: String
    var committedEvents: Int
    var incoming: [String: Int]
    var newConflicts: [NewConflict]
    var openConflicts: Int
    var problems: [String]

    init(_ report: StoreSync.Report) {
        remote = report.remote
        committedEvents = report.committedEvents
        incoming = report.incoming
        newConflicts = report.newConflicts.map {
            NewConflict(state: $0.state, action: $0.action, heads: $0.sides.map(\.head.id), authors: $0.sides.map(\.head.author))
        }
        openConflicts = report.openConflicts
        problems = report.problems.map(\.description)
    }
}
