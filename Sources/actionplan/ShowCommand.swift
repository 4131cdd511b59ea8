import ArgumentParser
import ActionPlanModel
import TerminalKit

/// `actionplan show STATE`: the current status of every action, then coverage and implementation.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a State's current status of every action, with its progress figures.",
        discussion: """
            --status and --tag narrow the list of actions (the figures stay those of the pillars \
            shown); tags are listed in `actionplan catalog --format json`.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A State code or name (at, AUT, Austria).") var state: String
    @Option(help: "Only this pillar (prevention, prosecution, protection, partnerships).") var pillar: String?
    @Option(help: "Only actions with this status.") var status: String?
    @Option(help: ArgumentHelp("Only actions with this tag (id or label, e.g. children).", valueName: "TAG")) var tag: String?
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let (_, loaded) = try storeOptions.load(history: .recent)
        let tracker = loaded.tracker
        let participant = try tracker.requireState(state)
        let pillars = try pillar.map { [try tracker.requirePillar($0)] } ?? tracker.catalog.pillars
        let assessments = tracker.assessments(state: participant.code)
        let filter = ActionFilter(status: try status.map(requireStatus), tag: try tag.map { try tracker.requireTag($0).id })
        switch format {
        case .json:
            var report = StateReport(tracker: tracker, state: participant, pillars: pillars)
            report.actions.removeAll { row in
                !filter.keeps(tracker.catalog.action(id: row.action)!, assessments[row.action] ?? .unassessed)
            }
            try printJSON(report)
        case .table:
            print("\(participant.name) (\(participant.code))")
            // The FOLLOW-UP column only appears when some action of the State has one.
            let followUps = assessments.values.contains { $0.followUp != nil }
            var table = TextTable(["", "ACTION", "STATUS", "UPDATED"] + (followUps ? ["FOLLOW-UP"] : []) + ["TITLE"],
                                  flexible: [followUps ? 5 : 4])
            for p in pillars {
                for action in p.actions where action.isTrackable {
                    let a = assessments[action.id] ?? .unassessed
                    guard filter.keeps(action, a) else { continue }
                    table.add([a.status.symbol, action.id, a.status.rawValue,
                               a.updatedAt.map { "\($0.day) \(a.updatedBy ?? "")" } ?? ""]
                              + (followUps ? [a.followUp?.description ?? ""] : []) + [action.title])
                }
            }
            print(table.render())
            print("")
            var figures = TextTable(["PILLAR", "COVERAGE", "IMPLEMENTATION", "ASSESSED"])
            for p in pillars {
                let progress = tracker.progress(state: participant.code, actions: p.actions)
                figures.add([p.title, Progress.percent(progress.coverage), Progress.percent(progress.implementation),
                             "\(progress.assessed)/\(progress.trackable)"])
            }
            let total = tracker.progress(state: participant.code, actions: pillars.flatMap(\.actions))
            figures.add(["All", Progress.percent(total.coverage), Progress.percent(total.implementation),
                         "\(total.assessed)/\(total.trackable)"])
            print(figures.render())
        }
    }
}

/// `show --format json`: one State's statuses and figures.
struct StateReport: Encodable {
    struct Row: Encodable {
        var action, pillar, area, title, status: String
        var note: String
        var evidence: [String]
        var updatedAt: String?
        var updatedBy: String?
        var followUpDate: String?
        var followUpOwner: String?
    }
    struct Figures: Encodable {
        var pillar: String
        var trackable, assessed: Int
        var coverage, implementation: Double?
    }
    var state: Participant
    var actions: [Row]
    var progress: [Figures]

    init(tracker: Tracker, state: Participant, pillars: [Pillar]) {
        self.state = state
        let assessments = tracker.assessments(state: state.code)
        actions = pillars.flatMap { p in
            p.areas.flatMap { area in
                area.actions.filter(\.isTrackable).map { action in
                    let a = assessments[action.id] ?? .unassessed
                    return Row(action: action.id, pillar: p.id, area: area.id, title: action.title, status: a.status.rawValue,
                               note: a.note, evidence: a.evidence, updatedAt: a.updatedAt?.description, updatedBy: a.updatedBy,
                               followUpDate: a.followUp?.date.description, followUpOwner: a.followUp?.owner)
                }
            }
        }
        progress = pillars.map { p in
            let figures = tracker.progress(state: state.code, actions: p.actions)
            return Figures(pillar: p.id, trackable: figures.trackable, assessed: figures.assessed,
                           coverage: figures.coverage, implementation: figures.implementation)
        }
    }
}
