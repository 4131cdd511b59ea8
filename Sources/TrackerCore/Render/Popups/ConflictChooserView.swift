import ActionPlanModel
import TerminalKit

/// `R`: the sides of a conflict, each with who made it, when, and the values it left; then the two
/// ways to decide something new. Whatever is chosen becomes one event based on every side.
enum ConflictChooserView {
    static func draw(_ state: AppState, _ chooser: ConflictChooser, into canvas: inout Canvas) {
        let theme = canvas.theme
        let conflict = chooser.conflict
        let rect = PopupView.centred(width: 76, height: conflict.sides.count * 2 + 7, in: canvas.screen)
        canvas.box(rect, title: "Conflict on \(conflict.action) in \(conflict.state): concurrent changes disagree")
        var y = rect.y + 1
        for row in 0..<chooser.rowCount where y < rect.maxY - 2 {
            let selected = row == chooser.highlighted
            let base: Style = selected ? theme.selected : .plain
            canvas.field("", x: rect.x + 1, y: y, width: rect.width - 2, style: base)
            if row < conflict.sides.count {
                let side = conflict.sides[row]
                let a = side.assessment
                var x = canvas.text(" \(row + 1)  keep ", x: rect.x + 1, y: y, width: 9, style: base.withBold())
                x = canvas.text(theme.symbol(a.status), x: x, y: y, width: 1, style: base.merged(theme.style(a.status))) + 1
                let who = Sanitizer.line(side.head.author) + ", " + side.head.time.shortDescription + " UTC"
                canvas.text(a.status.label + " · " + who, x: x, y: y, width: rect.maxX - x - 1, style: base)
                y += 1
                let note = a.note.isEmpty ? "(no note)" : "note: " + Sanitizer.line(a.note)
                let evidence = a.evidence.isEmpty ? "" : " · \(Plural.count(a.evidence.count, "evidence reference"))"
                let followUp = a.followUp.map { " · follow-up " + Sanitizer.line($0.description) } ?? ""
                canvas.text(TextWidth.truncate(note + evidence + followUp, to: rect.width - 12), x: rect.x + 10, y: y,
                            width: rect.width - 12, style: selected ? base : theme.dim)
            } else {
                let label = row == conflict.sides.count ? "set another status…" : "write a new note…"
                canvas.text("    " + label, x: rect.x + 1, y: y, width: rect.width - 2, style: base)
            }
            y += 1
        }
        canvas.text("Shown meanwhile: \(conflict.shown.status.label) · ↑↓ Enter · Esc decides later",
                    x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: theme.dim)
    }
}
