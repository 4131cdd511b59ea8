import ActionPlanModel
import TerminalKit

/// Per pillar: coverage and implementation bars for the current State and for all States; the monthly
/// trend and the most and least implemented actions over all States; the count per status; the most
/// recent changes.
///
/// Below the bars, each part is drawn whole or not at all, in this order of priority, as the height
/// allows: the trend, three actions of each ranking, the count per status with the recent changes,
/// then two more actions of each ranking. At 80×24 the count per status and the recent changes give way
/// (the header keeps the figures; History lists every change).
enum DashboardView {
    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let theme = canvas.theme
        let current = state.figures.scope(state.selection)
        let all = state.figures.all
        let who = state.currentState?.code ?? "All"
        let nameWidth = max(18, body.width / 5)
        let column = (body.width - nameWidth - 1) / 4
        let barWidth = max(4, column - 6)
        var y = body.y
        let scopes = [state.currentState.map { "\($0.code) \($0.name)" } ?? "All States", "All States (\(state.states.count))"]
        for (i, scope) in scopes.enumerated() {
            let x = nameWidth + 1 + i * 2 * column
            let rule = String(repeating: theme.horizontal, count: max(0, 2 * column - 2 - TextWidth.columns(of: scope)))
            canvas.text(scope + " " + rule, x: x, y: y, width: 2 * column - 1, style: theme.title)
        }
        if let now = state.now { canvas.text(" " + now.shortDescription, x: 0, y: y, width: nameWidth, style: theme.dim) }
        y += 1
        canvas.field(" Pillar", x: 0, y: y, width: nameWidth, style: theme.title)
        for i in 0..<4 {
            canvas.field(i % 2 == 0 ? "coverage" : "implementation", x: nameWidth + 1 + i * column, y: y, width: column - 1, style: theme.title)
        }
        y += 1
        let rows: [(String, Progress?, Progress?)] = state.tracker.catalog.pillars.map { ($0.title, current.pillars[$0.id], all.pillars[$0.id]) }
            + [("Overall", current.overall, all.overall)]
        for (title, mine, everyone) in rows {
            canvas.field(" " + title, x: 0, y: y, width: nameWidth, style: title == "Overall" ? theme.title : .plain)
            let values = [mine?.coverage, mine?.implementation, everyone?.coverage, everyone?.implementation]
            for (i, value) in values.enumerated() {
                let x = nameWidth + 1 + i * column
                canvas.text(theme.bar(value, width: barWidth), x: x, y: y, width: barWidth, style: theme.tint(i % 2 == 0 ? .blue : .green))
                canvas.text(TreeView.pad(Progress.percent(value), 5), x: x + barWidth, y: y, width: 5)
            }
            y += 1
        }
        y += 1
        let tableWidth = 40
        // Open conflicts, for the State shown and for all: decided in the Tree with R (or `actionplan conflicts`).
        let mineConflicts = state.selection.code.map { state.figures.conflicts[$0] ?? 0 } ?? state.figures.conflicts.values.reduce(0, +)
        let allConflicts = state.figures.conflicts.values.reduce(0, +)
        let conflictLine = allConflicts == 0 ? " Open conflicts: none"
            : " \(theme.conflictGlyph) Open conflicts: \(who) \(mineConflicts), all \(allConflicts) (≠ marks them in the Tree; R resolves)"
        canvas.field(conflictLine, x: 0, y: y, width: body.width, style: allConflicts > 0 ? theme.conflict : theme.dim)
        if allConflicts == 0 { DashboardDesk.drawCounts(state, x: tableWidth + 2, y: y, width: body.width - tableWidth - 2, into: &canvas) }
        y += 2
        var room = body.maxY - y
        let trendHeight = DashboardTrendView.trendHeight(state)
        if room >= trendHeight {
            DashboardTrendView.drawTrend(state, x: 0, y: y, width: body.width, nameWidth: nameWidth, into: &canvas)
            y += trendHeight + 1
            room -= trendHeight + 1
        }
        let countsHeight = 1 + Status.allCases.count
        if room >= 4 {
            let rows = room >= 7 + countsHeight ? 5 : 3
            DashboardTrendView.drawRanking(state, x: 0, y: y, width: body.width, rows: rows, into: &canvas)
            y += rows + 2
            room -= rows + 2
        }
        guard room >= countsHeight else { return }
        canvas.field(" Count per status", x: 0, y: y, width: tableWidth, style: theme.title)
        canvas.rightAligned(TreeView.pad(who, 6) + TreeView.pad("All", 7), right: tableWidth, y: y, style: theme.title)
        for (i, status) in Status.allCases.enumerated() where y + 1 + i < body.maxY {
            let row = y + 1 + i
            canvas.text(theme.symbol(status), x: 1, y: row, width: 1, style: theme.style(status))
            canvas.text(status.label, x: 3, y: row, width: tableWidth - 17)
            canvas.rightAligned(TreeView.pad(String(current.overall.count(status)), 6)
                                + TreeView.pad(String(all.overall.count(status)), 7), right: tableWidth, y: row)
        }
        DashboardDesk.draw(state, x: 0, y: y + Status.allCases.count + 2, width: tableWidth, maxY: body.maxY, into: &canvas)
        let x = tableWidth + 2
        let width = body.width - x
        canvas.field("Recent changes", x: x, y: y, width: width, style: theme.title)
        if state.figures.recent.isEmpty {
            canvas.text("no changes yet", x: x, y: y + 1, width: width, style: theme.dim)
        }
        var row = y + 1
        for change in state.figures.recent where row + 1 < body.maxY {
            let e = change.event
            canvas.text("\(e.time.shortDescription) \(e.state) \(e.action) \(e.author)", x: x, y: row, width: width, style: theme.dim)
            canvas.text("  " + ChangeText.summary(change.before, change.after, e, in: state.tracker, theme: theme, compact: width < 60), x: x, y: row + 1, width: width,
                        style: e.status == nil ? .plain : theme.style(change.after.status))
            row += 2
        }
    }
}
