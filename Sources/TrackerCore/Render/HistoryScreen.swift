import ActionPlanModel
import TerminalKit

/// The change log, newest first, with the filter on top and the selected row highlighted.
enum HistoryScreen {
    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let theme = canvas.theme
        let h = state.history
        let filter = h.filter.isActive ? "filter: \(h.filter.summary) (F clears)" : "all changes (f filters)"
        let count = h.truncated ? "the newest \(Plural.count(h.rows.count, "change")) (older ones are read as you scroll)"
            : Plural.count(h.rows.count, "change")
        canvas.field(" \(count), newest first · \(filter)", x: 0, y: body.y, width: body.width, style: theme.title)
        let authorWidth = 10, actionWidth = 14
        let header = " " + TextWidth.fit("When (UTC)", to: 17) + " " + TextWidth.fit("State", to: 5) + " "
            + TextWidth.fit("Action", to: actionWidth) + " " + TextWidth.fit("By", to: authorWidth) + " Change"
        canvas.field(header, x: 0, y: body.y + 1, width: body.width, style: theme.title.with(foreground: .default))
        let height = max(1, body.height - 2)
        if h.rows.isEmpty {
            canvas.text(" no changes match", x: 0, y: body.y + 2, width: body.width, style: theme.dim)
        }
        for r in 0..<height {
            let index = h.scroll + r
            guard index < h.rows.count else { break }
            guard let (entry, compensation) = h.entry(h.rows[index], in: state.tracker) else { continue }
            let e = entry.event
            let y = body.y + 2 + r
            let style: Style = index == h.selected ? theme.selected : .plain
            let line = " " + TextWidth.fit(e.time.shortDescription, to: 17) + " " + TextWidth.fit(Sanitizer.line(e.state), to: 5) + " "
                + TextWidth.fit(Sanitizer.line(e.action), to: actionWidth) + " " + TextWidth.fit(Sanitizer.line(e.author), to: authorWidth) + " "
            canvas.field(line, x: 0, y: y, width: body.width, style: style)
            let x = TextWidth.columns(of: line)
            let change = ChangeText.summary(entry.before, entry.after, e, compensation: compensation, theme: theme, compact: body.width < 110)
            let changeStyle = index == h.selected ? style : theme.style(entry.after.status)
            canvas.text(change, x: x, y: y, width: body.width - x, style: e.status == nil ? style : changeStyle)
        }
    }
}
