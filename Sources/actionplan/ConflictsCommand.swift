import ArgumentParser
import ActionPlanModel
import TerminalKit

/// `actionplan conflicts`: the actions whose concurrent changes disagree, with every side.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List open conflicts: concurrent changes of one action that disagree.",
        discussion: """
            Two offices that change the same action between two syncs make concurrent edits. The store
            keeps both; the status shown meanwhile is the side with the longer history (then the larger
            event id), never the later clock. Resolve with `actionplan set STATE ACTION STATUS`, which
            is based on every side, or in the terminal UI.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Only these States (codes or names).") var states: [String] = []
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let (_, loaded) = try storeOptions.load(history: .recent)
        let tracker = loaded.tracker
        let codes = try states.isEmpty ? nil : states.map { try tracker.requireState($0).code }
        let conflicts = tracker.conflicts(states: codes)
        switch format {
        case .json:
            try printJSON(conflicts.map(ConflictRow.init))
        case .table:
            // The FOLLOW-UP column only appears when a side has one (a conflict may be about it alone).
            let followUps = conflicts.contains { $0.sides.contains { $0.assessment.followUp != nil } }
            var table = TextTable(["STATE", "ACTION", "SIDE", "STATUS", "NOTE"] + (followUps ? ["FOLLOW-UP"] : []) + ["BY", "TIME (UTC)"],
                                  flexible: [4])
            for conflict in conflicts {
                for (n, side) in conflict.sides.enumerated() {
                    table.add([n == 0 ? conflict.state : "", n == 0 ? conflict.action : "", "\(n + 1)",
                               side.assessment.status.rawValue, side.assessment.note]
                              + (followUps ? [side.assessment.followUp?.description ?? "none"] : [])
                              + [side.head.author, side.head.time.shortDescription])
                }
            }
            if !conflicts.isEmpty { print(table.render()) }
            print(conflicts.count == 1 ? "1 open conflict" : "\(conflicts.count) open conflicts")
            if !conflicts.isEmpty { print("resolve with `actionplan set STATE ACTION STATUS [--note TEXT]` (based on every side)") }
        }
    }
}

/// One conflict in `--format json`.
struct ConflictRow: Encodable {
    struct Side: Encodable {
        var event, author, time, status, note: String
        var evidence: [String]
        var followUpDate, followUpOwner: String?
    }
    var state, action, shown: String
    var sides: [Side]

    init(_ conflict: Conflict) {
        state = conflict.state
        action = conflict.action
        shown = conflict.shown.status.rawValue
        sides = conflict.sides.map { side in
            Side(event: side.head.id, author: side.head.author, time: side.head.time.description,
                 status: side.assessment.status.rawValue, note: side.assessment.note, evidence: side.assessment.evidence,
                 followUpDate: side.assessment.followUp?.date.description, followUpOwner: side.assessment.followUp?.owner)
        }
    }
}
