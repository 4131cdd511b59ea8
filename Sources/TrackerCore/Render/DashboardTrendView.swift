import ActionPlanModel
import TerminalKit

/// The Dashboard's pictures in text: a sparkline of the last twelve month ends per pillar, and the most
/// and the least implemented actions over the visible States.
enum DashboardTrendView {
    /// Rows the trend needs: a title and one row per pillar plus "Overall".
    static func trendHeight(_ state: AppState) -> Int { 2 + state.tracker.catalog.pillars.count }

    /// Implementation and coverage per pillar, one cell per month end (oldest left), then the latest figure.
    static func drawTrend(_ state: AppState, x: Int, y: Int, width: Int, nameWidth: Int, into canvas: inout Canvas) {
        let theme = canvas.theme
        let sparkWidth = DashboardTrend.months
        let columnWidth = sparkWidth + 6
        let (implementationX, coverageX) = (x + nameWidth + 1, x + nameWidth + 1 + columnWidth + 1)
        canvas.field(" Trend, All States", x: x, y: y, width: nameWidth, style: theme.title)
        guard let series = state.trend.series else {
            canvas.text("reading the trend…", x: implementationX, y: y, width: max(0, width - nameWidth - 1), style: theme.dim)
            return
        }
        guard let first = series.points.first, let last = series.points.last else {
            canvas.text("no status recorded yet", x: implementationX, y: y, width: max(0, width - nameWidth - 1), style: theme.dim)
            return
        }
        canvas.field("implementation", x: implementationX, y: y, width: columnWidth, style: theme.title)
        canvas.field("coverage", x: coverageX, y: y, width: columnWidth, style: theme.title)
        let range = first.month == last.month ? first.month : "\(first.month)\(theme.ascii ? ".." : "…")\(last.month)"
        let rangeX = coverageX + columnWidth + 1
        if rangeX + TextWidth.columns(of: range) <= x + width { canvas.text(range, x: rangeX, y: y, width: x + width - rangeX, style: theme.dim) }
        let rows: [(String, [Progress])] = state.tracker.catalog.pillars.map { pillar in
            (pillar.title, series.points.map { $0.pillars[pillar.id] ?? Progress() })
        } + [("Overall", series.points.map(\.overall))]
        for (i, (title, figures)) in rows.enumerated() {
            let row = y + 1 + i
            canvas.field(" " + title, x: x, y: row, width: nameWidth, style: title == "Overall" ? theme.title : .plain)
            for (column, values) in [(implementationX, figures.map(\.implementation)), (coverageX, figures.map(\.coverage))] {
                canvas.text(spark(values, ascii: theme.ascii), x: column, y: row, width: sparkWidth,
                            style: theme.tint(column == implementationX ? .green : .blue))
                canvas.text(TreeView.pad(Progress.percent(values.last ?? nil), 5), x: column + sparkWidth, y: row, width: 5)
            }
        }
    }

    /// One cell per value: eight heights (ASCII: `_.:-=+*#`); no figure is `·` (ASCII: a blank).
    static func spark(_ values: [Double?], ascii: Bool) -> String {
        let levels = ascii ? ["_", ".", ":", "-", "=", "+", "*", "#"] : ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return values.map { value in
            guard let value else { return ascii ? " " : "·" }
            return levels[max(0, min(levels.count - 1, Int(value * Double(levels.count))))]
        }.joined()
    }

    /// The most implemented actions on the left, the least on the right: `rows` of each under a title.
    static func drawRanking(_ state: AppState, x: Int, y: Int, width: Int, rows: Int, into canvas: inout Canvas) {
        let theme = canvas.theme
        let ranking = ActionRanking(actions: state.tracker.catalog.allActions, progress: state.figures.actions, limit: rows)
        let half = (width - 1) / 2
        for (i, (title, entries)) in [("Most implemented", ranking.most), ("Least implemented", ranking.least)].enumerated() {
            let left = x + i * (half + 1)
            canvas.field(" \(title) (States)", x: left, y: y, width: half, style: theme.title)
            if entries.isEmpty { canvas.field(" –", x: left, y: y + 1, width: half, style: theme.dim) }
            for (n, entry) in entries.prefix(rows).enumerated() {
                let counts = TreeView.pad("\(entry.implemented)/\(entry.applicable)", 6) + TreeView.pad(Progress.percent(entry.share), 5)
                canvas.field(counts + " " + entry.action.id + " " + entry.action.title, x: left, y: y + 1 + n, width: half)
            }
        }
    }
}
