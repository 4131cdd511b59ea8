import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanExport
import TerminalKit

/// `actionplan due [--within 30d] [--by NAME]`: overdue and due-soon follow-ups, by date.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List follow-ups that are overdue or due soon, by date.",
        discussion: """
            Every State × action whose follow-up date is before today (overdue) or within --within of \
            today (default 30d; a number of days, Nd or Nw). --by keeps the follow-ups owned by NAME \
            (ignoring case). Days are counted in UTC.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: ArgumentHelp("How far ahead: days (30, 30d) or weeks (4w).", valueName: "SPAN")) var within = "30d"
    @Option(help: ArgumentHelp("Only the follow-ups owned by this person.", valueName: "NAME")) var by: String?
    @Option(help: "table, csv or json.") var format: Format = .table

    func validate() throws {
        guard FollowUpAgenda.parseSpan(within) != nil else {
            throw ValidationError("invalid --within '\(within)'; give days or weeks, e.g. 30, 30d or 4w")
        }
    }

    func run() throws {
        let (_, loaded) = try storeOptions.load(history: .recent)
        let tracker = loaded.tracker
        let days = FollowUpAgenda.parseSpan(within)!
        let today = ReviewDate(Timestamp(date: Date()))
        let states = tracker.directory.visible(includingPartners: true).map(\.code)
        let agenda = FollowUpAgenda(tracker: tracker, states: states, today: today, within: days, owner: by)
        let names = Dictionary(uniqueKeysWithValues: tracker.directory.visible(includingPartners: true).map { ($0.code, $0.name) })
        switch format {
        case .json:
            try printJSON(agenda.items.map { DueItem($0, stateName: names[$0.state] ?? $0.state, title: tracker.catalog.action(id: $0.action)?.title) })
        case .csv:
            var csv = CSVWriter()
            csv.row(["date", "state", "state_name", "action", "owner", "days_left"])
            for item in agenda.items {
                csv.row([item.followUp.date.description, item.state, names[item.state] ?? item.state, item.action,
                         item.followUp.owner ?? "", String(item.daysLeft)])
            }
            FileHandle.standardOutput.write(Data(csv.bytes))
        case .table:
            guard !agenda.items.isEmpty else {
                print("no follow-ups overdue or due within \(Plural.count(Int(days), "day"))" + (by.map { " for \($0)" } ?? ""))
                return
            }
            var table = TextTable(["DATE", "STATE", "ACTION", "OWNER", "WHEN"])
            for item in agenda.items {
                table.add([item.followUp.date.description, item.state, item.action, item.followUp.owner ?? "—", item.timing])
            }
            print(table.render())
            print("\(agenda.overdue.count) overdue, \(agenda.dueSoon.count) due within \(Plural.count(Int(days), "day")) (today is \(today))")
        }
    }
}

/// One line of `due --format json`.
struct DueItem: Encodable {
    var date, state, stateName, action: String
    var title: String?
    var owner: String?
    var daysLeft: Int64
    var overdue: Bool

    init(_ item: FollowUpAgenda.Item, stateName: String, title: String?) {
        date = item.followUp.date.description
        state = item.state
        self.stateName = stateName
        action = item.action
        self.title = title
        owner = item.followUp.owner
        daysLeft = item.daysLeft
        overdue = item.isOverdue
    }
}
