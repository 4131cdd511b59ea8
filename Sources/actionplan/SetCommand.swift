import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore

/// `actionplan set STATE ACTION STATUS`: record a change as one event in the State's journal.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the status of an action for a State (with an optional note and evidence).",
        discussion: """
            Statuses: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).
            Only what differs from the current assessment is recorded; when nothing differs, nothing is written.
            Success is reported only after the event is on disk (fsync).
            The event is based on the action's current head(s). If someone else changes the action between
            the read and the write, nothing is written and the command exits 75 naming who changed what;
            run it again, or use --force to record it as a concurrent edit (a conflict). Setting an action
            that is in conflict resolves the conflict (the new event is based on every head).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A State code or name.") var state: String
    @Argument(help: "An action id, e.g. AP03-III-1-a (see `actionplan catalog`).") var action: String
    @Argument(help: "The new status.") var status: String
    @Option(help: "Replace the note (use \"\" to clear it).") var note: String?
    @Option(help: ArgumentHelp("Add an evidence reference (a URL, a document symbol); repeatable.", valueName: "REF"))
    var evidence: [String] = []
    @Flag(help: "Write even if the action changed since it was read (records a concurrent edit).") var force = false
    @OptionGroup var author: AuthorOptions

    func run() throws {
        let (store, catalogOnly) = try storeOptions.load(states: [])
        let participant = try catalogOnly.tracker.requireState(state)
        let actionItem = try catalogOnly.tracker.requireAction(action)
        let newStatus = try requireStatus(status)
        guard actionItem.isTrackable else {
            throw fail("action \(actionItem.id) is addressed to OSCE structures and is not tracked per State", code: ExitCodes.usage)
        }
        let journal: Journal
        do {
            let (read, problems) = try store.readJournal(participant.code, history: .recent)
            for problem in problems { Console.warning(problem.description) }
            journal = read
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        let current = journal.assessment(of: actionItem.id)
        var target = current
        target.status = newStatus
        if let note { target.note = note }
        for ref in try evidence.map(requireEvidence) where !target.evidence.contains(ref) { target.evidence.append(ref) }
        let environment = ProcessInfo.processInfo.environment
        let conflict = journal.conflict(of: actionItem.id)
        var event = ChangeEvent(id: EventID.make(), time: Timestamp(date: Date()),
                                author: Author.resolve(explicit: author.by, environment: environment),
                                state: participant.code, action: actionItem.id,
                                base: journal.headIDs(of: actionItem.id), change: current.change(to: target))
        // Resolving a conflict states the chosen status explicitly, so the history reads as a decision.
        if conflict != nil { event.status = newStatus }
        guard !event.isEmpty else {
            print("\(participant.code) \(actionItem.id): unchanged (\(current.status.rawValue)); nothing written")
            return
        }
        do { try store.append([event], force: force) } catch {
            throw failWrite(error)
        }
        var text = event.change.describe(from: current.status)
        if let conflict { text += ", resolves the conflict between \(conflict.sides.map(\.head.author).joined(separator: " and "))" }
        print("\(participant.code) \(actionItem.id): \(text) (by \(event.author), event \(event.id))")
    }
}
