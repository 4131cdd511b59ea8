import ActionPlanModel
import TerminalKit

/// The right pane of the tree: everything about the selected node, most useful first.
///
/// Text wraps to the pane's width rather than being cut; when it is longer than the pane, the last row
/// says so and `J` / `K` scroll it (the offset belongs to the node, so moving the cursor starts at the
/// top again).
enum DetailsView {
    static func draw(_ state: AppState, node: NodeID, in rect: Rect, into canvas: inout Canvas) {
        let offset = state.detailsScroll.node == node ? state.detailsScroll.offset : 0
        var probe = canvas
        var writer = Writer(rect: rect, skip: offset)
        content(state, node: node, writer: &writer, into: &probe)
        guard writer.cut || offset > 0 else {
            canvas = probe
            return
        }
        // Too long for the pane: keep the last row for the marker, and never scroll past the end.
        let visible = rect.height - 1
        let top = max(0, min(offset, writer.total - visible))
        var scrolled = canvas
        var shown = Writer(rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: visible), skip: top)
        content(state, node: node, writer: &shown, into: &scrolled)
        canvas = scrolled
        let below = max(0, writer.total - top - visible)
        let marker = (top > 0 ? "↑ \(top) above" : "") + (top > 0 && below > 0 ? " · " : "")
            + (below > 0 ? "↓ \(below) more" : "") + " (J/K scroll)"
        canvas.field(marker, x: rect.x, y: rect.maxY - 1, width: rect.width, style: canvas.theme.dim)
    }

    private static func content(_ state: AppState, node: NodeID, writer: inout Writer, into canvas: inout Canvas) {
        switch node {
        case .action(let id):
            guard let action = state.tracker.catalog.action(id: id) else { return }
            drawAction(state, action: action, writer: &writer, into: &canvas)
        case .area(let id):
            guard let area = state.tracker.catalog.area(id: id) else { return }
            writer.paragraph(area.title, style: canvas.theme.title, into: &canvas)
            writer.line("\(area.actions.count) actions · id \(area.id)", style: canvas.theme.dim, into: &canvas)
            drawFigures(state, state.figures.scope(state.selection).areas[id], writer: &writer, into: &canvas)
        case .pillar(let id):
            guard let pillar = state.tracker.catalog.pillar(id: id) else { return }
            writer.paragraph(pillar.title, style: canvas.theme.title, into: &canvas)
            writer.paragraph(pillar.description, into: &canvas)
            writer.line("\(pillar.areas.count) areas · \(pillar.actions.count) actions", style: canvas.theme.dim, into: &canvas)
            drawFigures(state, state.figures.scope(state.selection).pillars[id], writer: &writer, into: &canvas)
        }
    }

    /// Both (or all) sides of a conflict, so the user sees what disagrees before deciding with `R`.
    private static func drawConflict(_ conflict: Conflict, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        writer.paragraph("\(theme.conflictGlyph) Conflict: \(conflict.sides.count) concurrent changes disagree; the status above is "
                         + "provisional. R resolves it.", style: theme.conflict, into: &canvas)
        for (n, side) in conflict.sides.enumerated() {
            let a = side.assessment
            writer.paragraph("\(n + 1). \(theme.symbol(a.status)) \(a.status.label) · \(side.head.author) · "
                             + "\(side.head.time.shortDescription) UTC", indent: 2, into: &canvas)
            if !a.note.isEmpty { writer.paragraph("note: " + a.note, style: theme.dim, indent: 5, into: &canvas) }
            if !a.evidence.isEmpty { writer.paragraph("evidence: " + a.evidence.joined(separator: ", "), style: theme.dim, indent: 5, into: &canvas) }
            if let followUp = a.followUp { writer.paragraph("follow-up: " + followUp.description, style: theme.dim, indent: 5, into: &canvas) }
        }
    }

    private static func drawAction(_ state: AppState, action: Action, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        let catalog = state.tracker.catalog
        writer.paragraph(action.title, style: theme.title, into: &canvas)
        let place = catalog.placement(ofAction: action.id).map { "\($0.pillar.title) › \($0.area.title)" } ?? ""
        writer.paragraph("\(action.id) · \(place)", style: theme.dim, into: &canvas)
        writer.paragraph(action.summary, into: &canvas)
        let mark = action.source.verified ? (theme.ascii ? "[verified]" : "✓") : (theme.ascii ? "[unverified]" : "?")
        writer.paragraph("Source: \(mark) \(action.source.citation)", into: &canvas)
        if !action.tags.isEmpty {
            writer.paragraph("Tags: " + action.tags.map { catalog.tag(id: $0)?.label ?? $0 }.joined(separator: ", "), into: &canvas)
        }
        if !action.isTrackable {
            // Nothing below applies: no status, note or evidence is kept per State for such an action.
            writer.paragraph("Addressed to OSCE structures: not tracked per State, so it has no status here.",
                             style: theme.dim, into: &canvas)
            return
        }
        writer.blank(into: &canvas)
        guard let code = state.selection.code else {
            drawFigures(state, state.figures.actions[action.id], writer: &writer, into: &canvas)
            drawStateGrid(state, action: action, writer: &writer, into: &canvas)
            return
        }
        let assessment = state.tracker.assessment(state: code, action: action.id)
        writer.row(into: &canvas) { canvas, rect, y in
            let x = canvas.text("\(code): ", x: rect.x, y: y, width: rect.width, style: theme.title)
            canvas.text("\(theme.symbol(assessment.status)) \(assessment.status.label)", x: x, y: y,
                        width: rect.maxX - x, style: theme.style(assessment.status))
        }
        if let conflict = state.tracker.journals[code]?.conflict(of: action.id) {
            drawConflict(conflict, writer: &writer, into: &canvas)
        }
        if let at = assessment.updatedAt {
            writer.line("updated \(at.shortDescription) by \(assessment.updatedBy ?? "?")", style: theme.dim, into: &canvas)
        }
        drawFollowUp(state, code: code, assessment: assessment, writer: &writer, into: &canvas)
        writer.line("Note:", style: theme.title, into: &canvas)
        writer.paragraph(assessment.note.isEmpty ? "(none; n adds one)" : assessment.note,
                         style: assessment.note.isEmpty ? theme.dim : .plain, into: &canvas)
        writer.line("Evidence:", style: theme.title, into: &canvas)
        if assessment.evidence.isEmpty { writer.line("(none; e adds a reference)", style: theme.dim, into: &canvas) }
        for item in assessment.evidence { writer.paragraph("• " + item, into: &canvas) }
        let changes = ChangeText.latest(state.tracker.journal(code), action: action.id, count: 3)
        guard !changes.isEmpty else { return }
        writer.line("Latest changes:", style: theme.title, into: &canvas)
        for change in changes {
            writer.line("\(change.event.time.shortDescription) by \(change.event.author)", style: theme.dim, into: &canvas)
            writer.paragraph(ChangeText.summary(change.before, change.after, change.event, in: state.tracker, theme: theme), indent: 2, into: &canvas)
        }
    }

    /// The follow-up date and owner (with the days left or overdue), and who follows the State; only
    /// what is set is shown.
    private static func drawFollowUp(_ state: AppState, code: String, assessment: Assessment, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        if let followUp = assessment.followUp {
            var text = "Follow-up: \(followUp.date)"
            if let owner = followUp.owner { text += " · \(owner)" }
            var style = Style.plain
            if let now = state.now {
                let item = FollowUpAgenda.Item(state: code, action: "", followUp: followUp, daysLeft: followUp.daysLeft(from: ReviewDate(now)))
                text += " · " + item.timing
                if item.isOverdue { style = theme.conflict }
            }
            writer.paragraph(text + " (d changes it)", style: style, into: &canvas)
        }
        let followers = state.roster.officers(following: code)
        if !followers.isEmpty {
            writer.line("\(code) is followed by " + followers.joined(separator: ", "), style: theme.dim, into: &canvas)
        }
    }

    /// Under "All States": every State's code with its status symbol, a row of them at a time.
    private static func drawStateGrid(_ state: AppState, action: Action, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        writer.line("By State:", style: theme.title, into: &canvas)
        let cell = 6
        let perRow = max(1, writer.rect.width / cell)
        for start in stride(from: 0, to: state.states.count, by: perRow) {
            let row = state.states[start..<min(state.states.count, start + perRow)]
            writer.row(into: &canvas) { canvas, rect, y in
                for (i, participant) in row.enumerated() {
                    let status = state.tracker.assessment(state: participant.code, action: action.id).status
                    let end = canvas.text(participant.code + " ", x: rect.x + i * cell, y: y, width: cell - 1)
                    canvas.text(theme.symbol(status), x: end, y: y, width: 1, style: theme.style(status))
                }
            }
        }
    }

    /// Counts per status and the two figures for a pillar, an area, or an action over all States.
    private static func drawFigures(_ state: AppState, _ progress: Progress?, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        guard let progress else { return }
        let scope = state.currentState.map { "\($0.code) \($0.name)" } ?? "All States"
        writer.line(scope + ":", style: theme.title, into: &canvas)
        writer.line("coverage \(Progress.percent(progress.coverage)) (\(progress.assessed) of \(progress.trackable) assessed)", into: &canvas)
        writer.line("implementation \(Progress.percent(progress.implementation))", into: &canvas)
        for status in Status.allCases {
            writer.row(into: &canvas) { canvas, rect, y in
                let x = canvas.text(theme.symbol(status), x: rect.x, y: y, width: 1, style: theme.style(status))
                canvas.text(" \(status.label): \(progress.count(status))", x: x, y: y, width: rect.maxX - x)
            }
        }
    }
}

/// A top-to-bottom text cursor inside a rectangle: skips the rows scrolled off the top, and counts the
/// rows that did not fit at the bottom instead of dropping them silently.
struct Writer {
    let rect: Rect
    var y: Int
    /// Rows still to skip (scrolled off the top).
    var skipping: Int
    /// Every row offered, drawn or not.
    private(set) var total = 0
    /// Whether some row did not fit.
    var cut: Bool { total > offset + rect.height }
    private let offset: Int

    init(rect: Rect, skip: Int = 0) {
        self.rect = rect
        skipping = skip
        offset = skip
        y = rect.y
    }

    /// One row: drawn by `draw` at its y when it is on screen.
    mutating func row(into canvas: inout Canvas, _ draw: (inout Canvas, Rect, Int) -> Void) {
        total += 1
        if skipping > 0 {
            skipping -= 1
            return
        }
        guard y < rect.maxY else { return }
        draw(&canvas, rect, y)
        y += 1
    }

    /// A short line (a heading, a date), cut with "…" if the pane is narrower.
    mutating func line(_ text: String, style: Style = .plain, into canvas: inout Canvas) {
        row(into: &canvas) { canvas, rect, y in
            canvas.text(TextWidth.truncate(Sanitizer.line(text), to: rect.width), x: rect.x, y: y, width: rect.width, style: style)
        }
    }

    /// Text wrapped to the width (less `indent` columns on the left), every line kept.
    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, into canvas: inout Canvas) {
        for line in TextWrap.wrap(text, width: rect.width - indent) {
            row(into: &canvas) { canvas, rect, y in
                canvas.text(line, x: rect.x + indent, y: y, width: rect.width - indent, style: style)
            }
        }
    }

    /// An empty row.
    mutating func blank(into canvas: inout Canvas) { row(into: &canvas) { _, _, _ in } }
}
