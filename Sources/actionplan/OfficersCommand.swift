import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore
import TerminalKit

/// `actionplan officers add|remove|assign|unassign|list`: who follows which States.
///
/// The roster lives in the office log (`officer.*` records), so it is shared through git like the
/// journals and two offices' changes merge without conflicts.
struct OfficersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officers",
        abstract: "List the officers and the States each follows; add, remove, assign and unassign them.",
        discussion: """
            Names are 1–64 characters, without control characters; spaces around them are trimmed and \
            names are matched ignoring case. Removing an officer who still follows States is refused \
            unless --force (which removes the assignments too). The TUI started as `--by NAME` (or with \
            $ACTIONPLAN_USER) opens on that officer's States.
            """,
        subcommands: [Add.self, Remove.self, Assign.self, Unassign.self, List.self],
        defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an officer.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The officer's name.") var name: String
        @OptionGroup var author: AuthorOptions
        func run() throws { try OfficersCommand.write(.add(name), storeOptions: storeOptions, author: author) }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an officer (refused while they follow States, unless --force).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The officer's name.") var name: String
        @Flag(help: "Remove the officer even if they follow States (their assignments go too).") var force = false
        @OptionGroup var author: AuthorOptions
        func run() throws { try OfficersCommand.write(.remove(name, force: force), storeOptions: storeOptions, author: author) }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Have an officer follow one or more States.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The officer's name.") var name: String
        @Argument(help: "State codes or names.") var states: [String] = []
        @OptionGroup var author: AuthorOptions
        func validate() throws { if states.isEmpty { throw ValidationError("give the officer's name and at least one State") } }
        func run() throws {
            try OfficersCommand.write(storeOptions: storeOptions, author: author) { tracker in
                .assign(name, states: try states.map { try tracker.requireState($0).code })
            }
        }
    }

    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop an officer following one or more States.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The officer's name.") var name: String
        @Argument(help: "State codes or names.") var states: [String] = []
        @OptionGroup var author: AuthorOptions
        func validate() throws { if states.isEmpty { throw ValidationError("give the officer's name and at least one State") } }
        func run() throws {
            try OfficersCommand.write(storeOptions: storeOptions, author: author) { tracker in
                .unassign(name, states: try states.map { try tracker.requireState($0).code })
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the officers and their States.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "table or json.") var format: ListFormat = .table
        func run() throws {
            let (_, loaded) = try storeOptions.load(states: [])
            let roster = OfficerRoster(records: loaded.tracker.office)
            for issue in roster.issues { Console.warning(issue) }
            switch format {
            case .json:
                try printJSON(roster.officers.map { OfficerItem(name: $0.name, states: $0.states) })
            case .table:
                guard !roster.isEmpty else { print("no officers listed (add one with `actionplan officers add NAME`)"); return }
                var table = TextTable(["OFFICER", "STATES"])
                for officer in roster.officers {
                    table.add([officer.name, officer.states.isEmpty ? "—" : officer.states.joined(separator: " ")])
                }
                print(table.render())
            }
        }
    }

    struct OfficerItem: Encodable { var name: String; var states: [String] }

    // MARK: - Writing

    static func write(_ request: OfficerRoster.Request, storeOptions: StoreOptions, author: AuthorOptions) throws {
        try write(storeOptions: storeOptions, author: author) { _ in request }
    }

    /// Decides the request against the roster as it is under the store's lock, and appends its record.
    static func write(storeOptions: StoreOptions, author: AuthorOptions, request make: (Tracker) throws -> OfficerRoster.Request) throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let request = try make(loaded.tracker)
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        var refusal: OfficerRoster.Refusal?
        var written: OfficeRecord?
        do {
            written = try store.appendOffice { log in
                switch OfficerRoster(records: log.records).decide(request) {
                case .failure(let reason): refusal = reason; return nil
                case .success(nil): return nil
                case .success(let decision?):
                    return OfficeRecord(id: EventID.make(), time: Timestamp(date: Date()), author: who,
                                        kind: decision.kind.rawValue, fields: decision.fields)
                }
            }
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        if let refusal { throw fail(refusal.message, code: ExitCodes.usage) }
        guard let record = written else {
            print(noChange(request))
            return
        }
        let name = record.text("name") ?? ""
        let states = (record.list("states") ?? []).joined(separator: ", ")
        switch OfficerRoster.Kind(rawValue: record.kind)! {
        case .add: print("added officer \(name)")
        case .remove: print("removed officer \(name)")
        case .assign: print("\(name) now follows \(states)")
        case .unassign: print("\(name) no longer follows \(states)")
        }
    }

    private static func noChange(_ request: OfficerRoster.Request) -> String {
        switch request {
        case .add(let name): "\(name.trimmingCharacters(in: .whitespaces)) is already listed; nothing written"
        case .remove: "nothing to remove; nothing written"
        case .assign(let name, _): "\(name) already follows those States; nothing written"
        case .unassign(let name, _): "\(name) follows none of those States; nothing written"
        }
    }
}
