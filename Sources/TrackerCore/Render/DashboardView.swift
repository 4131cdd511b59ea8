import ActionPlanModel

/// Per pillar: coverage and implementation bars for the current State and for all States; the count per
/// status; the most recent changes.
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
        canvas.field(" Pillar", x: 0, y: y, width: nameWidth, style: theme.title)
        let heads = ["\(who) coverage", "\(who) implementation", "All coverage", "All implementation"]
        for (i, head) in heads.enumerated() {
            canvas.field(head, x: nameWidth + 1 + i * column, y: y, width: column - 1, style: theme.title)
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
        for (label, progress) in [("\(who):", current.overall), ("All:", all.overall)] {
            var x = canvas.text(" " + label, x: 0, y: y, width: 6, style: theme.title) + 1
            x = max(x, 7)
            for status in Status.allCases {
                let text = "\(theme.symbol(status)) \(status.label) \(progress.count(status))"
                guard x + TextWidth.columns(of: text) < body.width else { break }
                canvas.text(theme.symbol(status), x: x, y: y, width: 1, style: theme.style(status))
                x = canvas.text(" \(status.label) \(progress.count(status))", x: x + 1, y: y, width: body.width - x) + 2
            }
            y += 1
        }
        y += 1
        canvas.field(" Recent changes", x: 0, y: y, width: body.width, style: theme.title)
        y += 1
        if state.figures.recent.isEmpty {
            canvas.text(" no changes yet", x: 0, y: y, width: body.width, style: theme.dim)
        }
        for change in state.figures.recent where y < body.maxY {
            let e = change.event
            let line = " \(e.time.shortDescription)  \(e.state)  \(e.action)  \(e.author)  "
                + ChangeText.summary(change.before, change.after, e, theme: theme)
            canvas.text(line, x: 0, y: y, width: body.width)
            y += 1
        }
    }
}
