import ArgumentParser
import ActionPlanModel
import TerminalKit

/// `actionplan summary`: coverage and implementation, States × pillars.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Coverage and implementation per State and pillar.",
        discussion: """
            Coverage = assessed / trackable actions. Implementation = mean weight over the assessed actions \
            (not-applicable excluded): not-started 0, in-progress 1/3, partially-implemented 2/3, implemented 1. \
            Cells read coverage/implementation; – means nothing assessed.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Include the Partners for Co-operation.") var partners = false
    @Option(help: "table or json.") var format: ListFormat = .table

    struct Row: Encodable {
        struct Cell: Encodable {
            var pillar: String
            var trackable, assessed: Int
            var coverage, implementation: Double?
        }
        var state, name: String
        var pillars: [Cell]
        var total: Cell
    }

    func run() throws {
        let (_, loaded) = try storeOptions.load(history: .recent)
        let tracker = loaded.tracker
        let states = tracker.states(includingPartners: partners ? true : nil)
        func cell(_ id: String, _ p: Progress) -> Row.Cell {
            Row.Cell(pillar: id, trackable: p.trackable, assessed: p.assessed, coverage: p.coverage, implementation: p.implementation)
        }
        let rows = states.map { s in
            Row(state: s.code, name: s.name,
                pillars: tracker.catalog.pillars.map { cell($0.id, tracker.progress(state: s.code, actions: $0.actions)) },
                total: cell("all", tracker.progress(state: s.code)))
        }
        switch format {
        case .json:
            try printJSON(rows)
        case .table:
            var table = TextTable(["STATE", "NAME"] + tracker.catalog.pillars.map { $0.title.uppercased() } + ["ALL"])
            func text(_ c: Row.Cell) -> String { "\(Progress.percent(c.coverage))/\(Progress.percent(c.implementation))" }
            for row in rows { table.add([row.state, row.name] + row.pillars.map(text) + [text(row.total)]) }
            let all = tracker.progress(states: states)
            table.add(["", "All States"] + tracker.catalog.pillars.map { text(cell($0.id, tracker.progress(states: states, actions: $0.actions))) }
                      + [text(cell("all", all))])
            print(table.render())
            print("cells: coverage/implementation")
        }
    }
}
