import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore

/// `actionplan followup STATE ACTION DATE [--owner NAME]` or `followup STATE ACTION --clear`.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Set or clear the next-review date (and who follows it up) of one action for a State.",
        discussion: """
            The date is a calendar day, YYYY-MM-DD, today or later (a date in the past is refused: to \
            show that a review is late, keep the date you had; `actionplan due` lists it as overdue). \
            --owner names who follows it up (1–64 characters); without it the follow-up has no owner. \
            --clear removes the follow-up. The change is recorded as an event in the State's journal, \
            based on the action's current head like `set` (exit 75 if someone changed the action meanwhile).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A State code or name.") var state: String
    @Argument(help: "An action id, e.g. AP03-III-1-a.") var action: String
    @Argument(help: ArgumentHelp("The next-review date, YYYY-MM-DD.", valueName: "DATE")) var date: String?
    @Option(help: ArgumentHelp("Who follows it up.", valueName: "NAME")) var owner: String?
    @Flag(help: "Remove the follow-up.") var clear = false
    @Flag(help: "Write even if the action changed since it was read (records a concurrent edit).") var force = false
    @OptionGroup var author: AuthorOptions
    @Option(help: "table or json (the event written).") var format: ListFormat = .table

    func validate() throws {
        if clear, date != nil { throw ValidationError("give a DATE or --clear, not both") }
        if clear, owner != nil { throw ValidationError("--owner goes with a DATE; --clear removes the whole follow-up") }
        if !clear, date == nil { throw ValidationError("give the next-review DATE (YYYY-MM-DD), or --clear") }
    }

    func run() throws {
        let (store, catalogOnly) = try storeOptions.load(states: [])
        let tracker = catalogOnly.tracker
        let participant = try tracker.requireState(state)
        let resolved = try tracker.requireAction(action)
        guard resolved.isTrackable else {
            throw fail("action \(resolved.id) is addressed to OSCE structures and is not tracked per State", code: ExitCodes.usage)
        }
        let now = Timestamp(date: Date())
        let edit = try requestedEdit(today: ReviewDate(now), roster: OfficerRoster(records: tracker.office))
        let journal = try journalBeforeWriting(store, participant.code)
        if let conflict = journal.conflict(of: resolved.id) {
            throw fail("\(participant.code) \(resolved.id) is in conflict between "
                + conflict.sides.map(\.head.author).joined(separator: " and ")
                + "; resolve it first (`actionplan conflicts`, or `actionplan set`), then set the follow-up", code: ExitCodes.usage)
        }
        let current = journal.assessment(of: resolved.id)
        var target = current
        target.followUp = edit.value
        let event = ChangeEvent(id: EventID.make(), time: now,
                                author: Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment),
                                state: participant.code, action: resolved.id, base: journal.headIDs(of: resolved.id),
                                change: current.change(to: target))
        if event.isEmpty {
            if format == .json { return try printJSON(FollowUpReport(state: participant.code, action: resolved.id, event: nil, followUp: current.followUp)) }
            print("\(participant.code) \(resolved.id): follow-up unchanged (\(current.followUp?.description ?? "none")); nothing written")
            return
        }
        do { try store.append([event], force: force) } catch {
            throw failWrite(error)
        }
        if format == .json { return try printJSON(FollowUpReport(state: participant.code, action: resolved.id, event: event, followUp: target.followUp)) }
        print("\(participant.code) \(resolved.id): \(event.change.describe(from: current.status)) (by \(event.author), event \(event.id))")
    }

    /// The follow-up asked for, checked: a real date not in the past, a valid owner.
    private func requestedEdit(today: ReviewDate, roster: OfficerRoster) throws -> FollowUpEdit {
        if clear { return .cleared }
        guard let text = date, let day = ReviewDate(parsing: text) else {
            throw fail("invalid date '\(date ?? "")'; expected a calendar day YYYY-MM-DD, e.g. \(today.adding(days: 30))", code: ExitCodes.usage)
        }
        if day < today {
            throw fail("the follow-up date \(day) is in the past (today is \(today)); give today or a later date", code: ExitCodes.usage)
        }
        var name: String?
        if let owner {
            switch PersonName.validate(owner) {
            case .failure(let error): throw fail(error.description, code: ExitCodes.usage)
            case .success(let valid):
                if let listed = roster.officer(named: valid) {
                    name = listed.name
                } else {
                    name = valid
                    if !roster.isEmpty {
                        Console.warning("'\(valid)' is not a listed officer (officers: \(roster.officers.map(\.name).joined(separator: ", "))); recorded as given")
                    }
                }
            }
        }
        return .set(FollowUp(date: day, owner: name))
    }
}

/// `followup --format json`: the event written (none when nothing changed) and the follow-up now.
struct FollowUpReport: Encodable {
    var state, action: String
    var event: String?
    var date: String?
    var owner: String?

    init(state: String, action: String, event: ChangeEvent?, followUp: FollowUp?) {
        self.state = state
        self.action = action
        self.event = event?.id
        date = followUp?.date.description
        owner = followUp?.owner
    }
}
