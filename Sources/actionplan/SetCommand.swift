import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore

/// `actionplan set STATE ACTION... STATUS`: record a change, for one action or many in one batch.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the status of one or more actions for a State (with an optional note and evidence).",
        discussion: """
            Statuses: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).
            Give several action ids before the status, or --area ID and the status alone, to set many \
            actions at once (the note and evidence apply to each); they are written as one batch: all \
            of them or none.
            Only what differs from the current assessment is recorded; when nothing differs, nothing is written.
            Success is reported only after the events are on disk (fsync).
            Each event is based on its action's current head(s). If someone else changes one of the actions \
            between the read and the write, nothing is written and the command exits 75 naming who changed \
            what; run it again, or use --force to record it as a concurrent edit (a conflict). Setting an \
            action that is in conflict resolves the conflict (the new event is based on every head).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A State code or name.") var state: String
    @Argument(help: ArgumentHelp("Action ids, e.g. AP03-III-1-a (see `actionplan catalog`), then the new status; "
        + "with --area only the status.", valueName: "ACTION... STATUS"))
    var words: [String] = []
    @Option(help: ArgumentHelp("Every action of this area (an area id such as prevention.data, or its title).", valueName: "ID"))
    var area: String?
    @Option(help: "Replace the note (use \"\" to clear it).") var note: String?
    @Option(help: ArgumentHelp("Add an evidence reference (a URL, a document symbol); repeatable.", valueName: "REF"))
    var evidence: [String] = []
    @Flag(help: "Write even if an action changed since it was read (records a concurrent edit).") var force = false
    @OptionGroup var author: AuthorOptions
    @Option(help: "table or json (the events written).") var format: ListFormat = .table

    func validate() throws {
        if area == nil, words.count < 2 { throw ValidationError("give an action and a status (or --area ID and a status)") }
        if area != nil, words.count != 1 { throw ValidationError("with --area give only the status, not action ids") }
    }

    func run() throws {
        let (store, catalogOnly) = try storeOptions.load(states: [])
        let tracker = catalogOnly.tracker
        let participant = try tracker.requireState(state)
        let newStatus = try requireStatus(words.last!)
        let actions = try area.map { try tracker.requireArea($0).actions.filter(\.isTrackable) }
            ?? words.dropLast().map { query in
                let action = try tracker.requireAction(query)
                guard action.isTrackable else {
                    throw fail("action \(action.id) is addressed to OSCE structures and is not tracked per State", code: ExitCodes.usage)
                }
                return action
            }
        let journal = try journalBeforeWriting(store, participant.code)
        let environment = ProcessInfo.processInfo.environment
        let request = SetRequest(state: participant.code, status: newStatus, note: note, evidence: try evidence.map(requireEvidence),
                                 author: Author.resolve(explicit: author.by, environment: environment),
                                 time: Timestamp(date: Date()))
        var seen = Set<String>()
        let outcomes = actions.filter { seen.insert($0.id).inserted }.map {
            request.outcome(for: $0.id, in: journal, makeID: EventID.make)
        }
        let events = outcomes.compactMap(\.event)
        if !events.isEmpty {
            // One batch: every action or none, each event's base checked under the store's lock.
            do { try store.append(events, force: force) } catch {
                throw failWrite(error)
            }
        }
        switch format {
        case .json:
            try printJSON(SetReport(state: participant.code, outcomes: outcomes))
        case .table:
            for outcome in outcomes { print(outcome.description) }
            if outcomes.count > 1 {
                print("\(Plural.count(outcomes.count, "action")): \(events.count) changed, \(outcomes.count - events.count) unchanged"
                    + (events.isEmpty ? "; nothing written" : "; \(Plural.count(events.count, "event")) written in one batch by \(request.author)"))
            }
        }
    }
}

extension Tracker {
    /// An area by id or title (any case), or a usage error with the closest ids.
    func requireArea(_ query: String) throws -> Area {
        let lowered = query.lowercased()
        let areas = catalog.pillars.flatMap(\.areas)
        if let area = areas.first(where: { $0.id.lowercased() == lowered || $0.title.lowercased() == lowered }) { return area }
        let error = LookupError(kind: "area", value: query, suggestions: Suggestions.closest(to: query, among: areas.map(\.id)),
                                hint: "run `actionplan catalog` for the list")
        throw fail(error.description, code: ExitCodes.usage)
    }
}
