import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanExport
import ActionPlanStore
import TerminalKit

extension RoundComparisonFiles.Format: ExpressibleByArgument {}

/// `actionplan round`: reporting rounds (open, close, list, compare).
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Open, close, list and compare reporting rounds.",
        discussion: """
            A round has a name, an opening day and a deadline ("2027 survey", due 2027-06-30). Officers \
            record statuses as usual; closing the round freezes its snapshot: the statuses as of the close. \
            One round is open at a time, and rounds do not overlap. Rounds are kept in the store's office \
            log (office.jsonl), shared through git like the journals.
            """,
        subcommands: [Open.self, Close.self, List.self, Compare.self])

    /// `round open NAME --due DATE [--opens DATE] [--allow-past]`.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a reporting round.",
            discussion: """
                Refused when another round is open, when the name is taken, when the period overlaps a \
                closed round, or when --due is in the past. A past round (the 2021 survey) can be recorded \
                with --opens, --due and --allow-past, then closed with `round close NAME --at DATE`.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The round's name, for example \"2027 survey\".") var name: String
        @Option(help: ArgumentHelp("The deadline, the last day of the round.", valueName: "YYYY-MM-DD")) var due: String
        @Option(help: ArgumentHelp("The first day (default: today, UTC).", valueName: "YYYY-MM-DD")) var opens: String?
        @Flag(name: .customLong("allow-past"), help: "Allow a deadline before today (to record a past round).") var allowPast = false
        @OptionGroup var author: AuthorOptions

        func run() throws {
            guard let name = RoundName.check(name) else {
                throw fail("round name '\(self.name)' must be 1 to 80 characters on one line", code: ExitCodes.usage)
            }
            let now = Timestamp(date: Date())
            let due = try requireRoundDay(self.due, option: "--due")
            let opens = try opens.map { try requireRoundDay($0, option: "--opens") } ?? now.day
            let by = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
            let store = try storeOptions.open()
            let record = try appendRound(store) { book in
                if let refusal = book.refusalToOpen(name: name, opens: opens, due: due, today: now.day, allowPast: allowPast) { return .failure(refusal) }
                return .success(RoundBook.openRecord(id: EventID.make(), time: now, author: by, name: name, opens: opens, due: due))
            }
            let round = RoundBook(records: [record]).rounds[0]
            print("opened round '\(round.name)': \(round.opens) to \(round.due) (\(round.countdown(today: now.day)))")
        }
    }

    /// `round close [NAME] [--at DATE]`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a reporting round, freezing its snapshot.",
            discussion: """
                Without NAME the open round is closed. The snapshot is the statuses as of the close \
                (now, or the end of the --at day for a past round); nothing is copied, the journals are \
                folded up to that instant whenever the round is shown or exported.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The round (default: the open round).") var name: String?
        @Option(help: ArgumentHelp("Close as of the end of this day (a past round).", valueName: "YYYY-MM-DD")) var at: String?
        @OptionGroup var author: AuthorOptions

        func run() throws {
            let now = Timestamp(date: Date())
            let instant = try at.map { try requireRoundDay($0, option: "--at") }.map { Timestamp.endOfDay($0)! } ?? now
            if instant > now { throw fail("--at \(at!) is in the future; a round closes today or on a past day", code: ExitCodes.usage) }
            let by = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
            let store = try storeOptions.open()
            let record = try appendRound(store) { book in
                book.roundToClose(name: name, at: instant).map {
                    RoundBook.closeRecord(id: EventID.make(), time: now, author: by, round: $0, at: instant)
                }
            }
            print("closed round '\(record.text("name") ?? "")' as of \(instant.shortDescription) UTC; its snapshot is the statuses at that instant")
        }
    }

    /// `round list [--format table|json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the reporting rounds.")

        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "table or json.") var format: ListFormat = .table

        func run() throws {
            let book = try loadBook(storeOptions)
            let today = Timestamp(date: Date()).day
            switch format {
            case .json:
                try printJSON(book.rounds.map { RoundJSON($0, current: $0 == book.current, today: today) })
            case .table:
                if book.rounds.isEmpty { print("no rounds yet; open one with `actionplan round open NAME --due YYYY-MM-DD`"); return }
                var table = TextTable(["NAME", "OPENS", "DUE", "STATE", "OPENED BY", "CLOSED (UTC)"], flexible: [0])
                for round in book.rounds {
                    table.add([round.name, round.opens, round.due, round == book.current ? "current, " + round.countdown(today: today) : round.countdown(today: today),
                               round.openedBy, round.closedAt.map { "\($0.shortDescription) by \(round.closedBy ?? "?")" } ?? ""])
                }
                print(table.render())
            }
        }
    }

    /// `round compare A B`.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two rounds: what improved, regressed and stayed, and what B did not review.",
            discussion: """
                Each State × action is compared as of A's close and B's close (an open round: now). \
                Improved and regressed follow the progress scale; moves into or out of not-assessed and \
                not-applicable count as other. Not reviewed: no event since B opened (up to B's close).
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The earlier round.") var a: String
        @Argument(help: "The later round (may be the open round).") var b: String
        @Option(name: .customLong("state"), help: ArgumentHelp("Only this State (code or name); repeatable.", valueName: "STATE"))
        var states: [String] = []
        @Option(help: "Only this pillar.") var pillar: String?
        @Flag(help: "Include the Partners for Co-operation.") var partners = false
        @Option(help: "table, csv, json or markdown.") var format: RoundComparisonFiles.Format = .table
        @OptionGroup var output: OutputOptions

        func run() throws {
            // The present through checkpoints; the rounds' snapshots are folded by the store one whole
            // journal at a time, so the whole history is never in memory at once.
            let (store, loaded) = try storeOptions.load(history: .recent)
            let tracker = loaded.tracker
            let book = RoundBook(records: tracker.office)
            for problem in book.problems { Console.warning("office.jsonl: " + problem.message) }
            let first = try requireRound(book, a), second = try requireRound(book, b)
            if first == second { throw fail("compare two different rounds (both are '\(first.name)')", code: ExitCodes.usage) }
            let scope = ExportScope(states: try tracker.requireStates(states), includePartners: partners || tracker.settings.includePartners)
            let pillarID = try pillar.map { try tracker.requirePillar($0).id }
            let comparison = try store.compareRounds(catalog: tracker.catalog, a: first, b: second,
                                                     states: scope.participants(in: tracker), pillar: pillarID)
            try output.deliver(RoundComparisonFiles.write(comparison, format: format), outside: store,
                               what: "comparison of '\(first.name)' and '\(second.name)'")
        }
    }
}

/// The documented shape of `round list --format json`.
struct RoundJSON: Encodable {
    var name, opens, due: String
    var open, current: Bool
    var daysLeft: Int?
    var openedAt: String
    var openedBy: String
    var closedAt: String?
    var closedBy: String?

    init(_ round: Round, current: Bool, today: String) {
        name = round.name
        opens = round.opens
        due = round.due
        open = !round.isClosed
        self.current = current
        daysLeft = round.isClosed ? nil : round.daysLeft(today: today)
        openedAt = round.openedAt.description
        openedBy = round.openedBy
        closedAt = round.closedAt?.description
        closedBy = round.closedBy
    }
}

/// A round day (`YYYY-MM-DD`), else a usage error naming the option and the value.
func requireRoundDay(_ text: String, option: String) throws -> String {
    guard let day = RoundDay.parse(text) else {
        throw fail("\(option): '\(text)' is not a date; use YYYY-MM-DD (for example 2027-06-30)", code: ExitCodes.usage)
    }
    return day
}

/// A round by name, else a usage error listing the rounds.
func requireRound(_ book: RoundBook, _ name: String) throws -> Round {
    switch book.lookup(name) {
    case .success(let round): return round
    case .failure(let refusal): throw fail(refusal.description, code: ExitCodes.usage)
    }
}

/// The rounds of the store (the office log only; no journal is read), fold problems as warnings.
func loadBook(_ options: StoreOptions) throws -> RoundBook {
    let store = try options.open()
    let log: OfficeLog
    do { log = try store.officeLog() } catch { throw fail(error.description, code: ExitCodes.storeError) }
    for problem in log.problems.prefix(3) { Console.warning(problem.description) }
    let book = RoundBook(records: log.records)
    for problem in book.problems { Console.warning("office.jsonl: " + problem.message) }
    return book
}

/// Decides one round record under the store's lock: a refusal exits 64 and writes nothing.
func appendRound(_ store: Store, _ decide: (RoundBook) -> Result<OfficeRecord, RoundRefusal>) throws -> OfficeRecord {
    var refusal: RoundRefusal?
    let written: OfficeRecord?
    do {
        written = try store.appendOffice { log in
            switch decide(RoundBook(records: log.records)) {
            case .success(let record): return record
            case .failure(let reason): refusal = reason; return nil
            }
        }
    } catch {
        throw fail(error.description, code: ExitCodes.storeError)
    }
    if let refusal { throw fail(refusal.description + "; nothing was written", code: ExitCodes.usage) }
    return written!
}
