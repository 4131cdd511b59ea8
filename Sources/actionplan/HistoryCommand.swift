import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import TerminalKit

/// `actionplan history`: the change log, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the change log, newest first.",
        discussion: """
            Filters combine: --by matches any part of the author's name, in any case ("bob" finds \
            "bob.reviewer"); --status keeps the changes that set that status (a transition into it).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Only this State (code or name).") var state: String?
    @Option(help: "Only this action id.") var action: String?
    @Option(help: "Only changes on or after this day (YYYY-MM-DD).") var since: String?
    @Option(name: .customLong("by"), help: ArgumentHelp("Only changes by this author (any part of the name, any case).", valueName: "AUTHOR"))
    var author: String?
    @Option(help: "Only changes that set this status.") var status: String?
    @Option(help: "table or json.") var format: ListFormat = .table
    @Option(help: "Only the newest N changes (read from the end of the journals, page by page).") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        if limit != nil || since != nil { return try runPaged() }
        let (_, loaded) = try storeOptions.load()
        let tracker = loaded.tracker
        let code = try state.map { try tracker.requireState($0).code }
        let actionID: String? = try action.map { query in
            // Orphan ids (no longer in the catalog) can still be asked for by their exact id.
            if tracker.orphans.contains(where: { $0.action == query }) { return query }
            return try tracker.requireAction(query).id
        }
        let from = try since.map { try requireDay($0, option: "--since", endOfDay: false) }
        let wanted = try status.map(requireStatus)
        let entries = tracker.timeline(states: code.map { [$0] }).filter { entry in
            (actionID == nil || entry.event.action == actionID) && (from == nil || entry.event.time >= from!)
                && HistoryFilter.matches(entry, author: author, status: wanted)
        }
        try show(entries) { tracker.journal($0.event.state).compensation(of: $0.event) }
    }

    /// `--limit` or `--since`: only the newest changes are read, page by page from the end of each
    /// journal (`Store.newestChanges`), never the whole history.
    private func runPaged() throws {
        let (store, catalogOnly) = try storeOptions.load(states: [])
        var tracker = catalogOnly.tracker
        let code = try state.map { try tracker.requireState($0).code }
        let actionID: String? = try action.map { query in
            if let known = try? tracker.requireAction(query) { return known.id }
            // Orphan ids (no longer in the catalog) can still be asked for by their exact id.
            tracker = try storeOptions.load(history: .recent).1.tracker
            if tracker.orphans.contains(where: { $0.action == query }) { return query }
            return try tracker.requireAction(query).id
        }
        let from = try since.map { try requireDay($0, option: "--since", endOfDay: false) }
        let wanted = try status.map(requireStatus)
        var compensations: [String: Compensation] = [:]
        let changes: [PagedChange]
        do {
            // States without a journal have no changes: the store skips them.
            let codes = code.map { [$0] } ?? tracker.directory.all.map(\.code)
            changes = try store.newestChanges(
                states: codes, limit: limit ?? Int.max, since: from,
                matching: { event in
                    (actionID == nil || event.action == actionID)
                        && (author.map { !$0.isEmpty && event.author.range(of: $0, options: .caseInsensitive) == nil } != true)
                },
                where: { HistoryFilter.matches(Self.entry($0), author: author, status: wanted) })
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        for change in changes { compensations[change.event.id] = change.compensation }
        try show(changes.map(Self.entry)) { compensations[$0.event.id] }
    }

    /// A paged change as a timeline entry: only the statuses before and after are known (all `history` shows).
    private static func entry(_ change: PagedChange) -> TimelineEntry {
        TimelineEntry(event: change.event, before: Assessment(status: change.statusBefore), after: Assessment(status: change.statusAfter))
    }

    private func show(_ entries: [TimelineEntry], compensation: (TimelineEntry) -> Compensation?) throws {
        switch format {
        case .json:
            try printJSON(entries.map(HistoryRow.init))
        case .table:
            var table = TextTable(["TIME (UTC)", "STATE", "ACTION", "CHANGE", "BY"], flexible: [3])
            for entry in entries {
                table.add([entry.event.time.shortDescription, entry.event.state, entry.event.action,
                           HistoryRow.describe(entry, compensation: compensation(entry)), entry.event.author])
            }
            print(table.render())
            print(Plural.count(entries.count, "change"))
        }
    }
}

/// One history entry in `--format json`.
struct HistoryRow: Encodable {
    var id, time, author, state, action: String
    var from, to: String
    var note: String?
    var evidenceAdded: [String]?
    var evidenceRemoved: [String]?
    var undoes: String?
    /// The head ids the writer saw (absent for events written before store format 2).
    var base: [String]?
    /// A follow-up set by the event (`followUpOwner` when it names one), or `followUpCleared`.
    var followUpDate, followUpOwner: String?
    var followUpCleared: Bool?

    init(_ entry: TimelineEntry) {
        let e = entry.event
        id = e.id
        time = e.time.description
        author = e.author
        state = e.state
        action = e.action
        from = entry.before.status.rawValue
        to = entry.after.status.rawValue
        note = e.note
        evidenceAdded = e.evidenceAdded
        evidenceRemoved = e.evidenceRemoved
        undoes = e.undoes
        base = e.base
        followUpDate = e.followUp?.value?.date.description
        followUpOwner = e.followUp?.value?.owner
        followUpCleared = e.followUp == .cleared ? true : nil
    }

    /// "redo: not-assessed → implemented; note: …".
    static func describe(_ entry: TimelineEntry, compensation: Compensation?) -> String {
        let text = entry.event.change.describe(from: entry.before.status, .detailedIDs)
        return compensation.map { "\($0.rawValue): \(text)" } ?? text
    }
}
