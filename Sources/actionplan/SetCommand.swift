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
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A State code or name.") var state: String
    @Argument(help: "An action id, e.g. AP03-III-1-a (see `actionplan catalog`).") var action: String
    @Argument(help: "The new status.") var status: String
    @Option(help: "Replace the note (use \"\" to clear it).") var note: String?
    @Option(help: ArgumentHelp("Add an evidence reference (a URL, a document symbol); repeatable.", valueName: "REF"))
    var evidence: [String] = []
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
            let (read, problems) = try store.readJournal(participant.code)
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
        let diff = current.change(to: target)
        let environment = ProcessInfo.processInfo.environment
        let event = ChangeEvent(id: EventID.make(), time: Timestamp(date: Date()),
                                author: Author.resolve(explicit: author.by, environment: environment),
                                state: participant.code, action: actionItem.id, status: diff.status, note: diff.note,
                                evidenceAdded: diff.added, evidenceRemoved: diff.removed)
        guard !event.isEmpty else {
            print("\(participant.code) \(actionItem.id): unchanged (\(current.status.rawValue)); nothing written")
            return
        }
        do { try store.append([event]) } catch {
            throw fail(error.description + "; nothing was written", code: ExitCodes.storeError)
        }
        var parts = ["\(current.status.rawValue) → \(newStatus.rawValue)"]
        if diff.note != nil { parts.append("note updated") }
        if let added = diff.added { parts.append("+\(added.count) evidence") }
        print("\(participant.code) \(actionItem.id): \(parts.joined(separator: ", ")) (by \(event.author), event \(event.id))")
    }
}
