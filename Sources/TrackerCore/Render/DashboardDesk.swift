import ActionPlanModel
import TerminalKit

/// The desk officer's part of the Dashboard: follow-ups overdue and due soon, and progress per officer.
///
/// Drawn only when there is something to show (a follow-up due, or officers listed), in the column
/// under the count per status; the follow-up counts also go on the conflicts line, so they are seen on
/// an 80×24 terminal where the column has no room left.
enum DashboardDesk {
    /// "Follow-ups: 1 overdue · 2 due in 30d", at `x` on the conflicts line.
    static func drawCounts(_ state: AppState, x: Int, y: Int, width: Int, into canvas: inout Canvas) {
        guard let agenda = state.desk.agenda, !agenda.items.isEmpty, width > 10 else { return }
        let text = "Follow-ups: \(agenda.overdue.count) overdue · \(agenda.dueSoon.count) due in \(DeskFigures.soon)d"
        canvas.field(text, x: x, y: y, width: width, style: agenda.overdue.isEmpty ? .plain : canvas.theme.conflict)
    }

    /// The next follow-ups, then one line per officer, from row `y` down to `maxY`.
    static func draw(_ state: AppState, x: Int, y start: Int, width: Int, maxY: Int, into canvas: inout Canvas) {
        let theme = canvas.theme
        var y = start
        func line(_ text: String, style: Style = .plain) {
            guard y < maxY else { return }
            canvas.field(text, x: x, y: y, width: width, style: style)
            y += 1
        }
        if let agenda = state.desk.agenda, !agenda.items.isEmpty {
            line(" Follow-ups due", style: theme.title)
            for item in agenda.items.prefix(3) {
                let when = item.daysLeft < 0 ? "\(-item.daysLeft)d late" : item.daysLeft == 0 ? "today" : "in \(item.daysLeft)d"
                let left = " \(item.followUp.date) \(item.state) \(item.action)"
                let room = max(0, width - TextWidth.columns(of: left) - 1)
                let right = TreeView.pad(when, min(room, max(8, TextWidth.columns(of: when))))
                line(left + String(repeating: " ", count: max(1, width - TextWidth.columns(of: left) - TextWidth.columns(of: right))) + right,
                     style: item.isOverdue ? theme.conflict : .plain)
            }
            if agenda.items.count > 3 { line("   … \(agenda.items.count - 3) more (actionplan due)", style: theme.dim) }
        }
        guard !state.desk.officers.isEmpty else { return }
        if y > start, y < maxY { y += 1 }
        let header = TreeView.pad("States", 6) + TreeView.pad("impl.", 7) + TreeView.pad("assessed", 9) + TreeView.pad("late", 6)
        line(" Officer" + String(repeating: " ", count: max(1, width - 8 - TextWidth.columns(of: header))) + header, style: theme.title)
        for officer in state.desk.officers {
            let name = " " + officer.officer
            let figures = TreeView.pad(String(officer.states.count), 6) + TreeView.pad(Progress.percent(officer.progress.implementation), 7)
                + TreeView.pad(Progress.percent(officer.progress.coverage), 9) + TreeView.pad(String(officer.overdue), 6)
            let room = max(1, width - TextWidth.columns(of: figures))
            line(TextWidth.truncate(name, to: room - 1) + String(repeating: " ", count: max(1, room - TextWidth.columns(of: TextWidth.truncate(name, to: room - 1)))) + figures,
                 style: officer.overdue > 0 ? theme.conflict : .plain)
        }
    }
}
