import ActionPlanModel

/// The right pane of the tree: everything about the selected node, most useful first, cut to fit.
enum DetailsView {
    static func draw(_ state: AppState, node: NodeID, in rect: Rect, into canvas: inout Canvas) {
        var writer = Writer(rect: rect)
        switch node {
        case .action(let id):
            guard let action = state.tracker.catalog.action(id: id) else { return }
            drawAction(state, action: action, writer: &writer, into: &canvas)
        case .area(let id):
            guard let area = state.tracker.catalog.area(id: id) else { return }
            writer.paragraph(area.title, style: canvas.theme.title, maxLines: 2, into: &canvas)
            writer.line("\(area.actions.count) actions · id \(area.id)", style: canvas.theme.dim, into: &canvas)
            drawFigures(state, state.figures.scope(state.selection).areas[id], writer: &writer, into: &canvas)
        case .pillar(let id):
            guard let pillar = state.tracker.catalog.pillar(id: id) else { return }
            writer.paragraph(pillar.title, style: canvas.theme.title, maxLines: 2, into: &canvas)
            writer.paragraph(pillar.description, maxLines: 4, into: &canvas)
            writer.line("\(pillar.areas.count) areas · \(pillar.actions.count) actions", style: canvas.theme.dim, into: &canvas)
            drawFigures(state, state.figures.scope(state.selection).pillars[id], writer: &writer, into: &canvas)
        }
    }

    private static func drawAction(_ state: AppState, action: Action, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        let catalog = state.tracker.catalog
        writer.paragraph(action.title, style: theme.title, maxLines: 2, into: &canvas)
        let place = catalog.placement(ofAction: action.id).map { "\($0.pillar.title) › \($0.area.title)" } ?? ""
        writer.line("\(action.id) · \(place)", style: theme.dim, into: &canvas)
        writer.paragraph(action.summary, maxLines: 3, into: &canvas)
        let mark = action.source.verified ? (theme.ascii ? "[verified]" : "✓") : (theme.ascii ? "[unverified]" : "?")
        writer.paragraph("Source: \(mark) \(action.source.citation)", maxLines: 2, into: &canvas)
        if !action.tags.isEmpty {
            writer.line("Tags: " + action.tags.map { catalog.tag(id: $0)?.label ?? $0 }.joined(separator: ", "), into: &canvas)
        }
        if !action.isTrackable { writer.line("Addressed to OSCE structures (not tracked per State)", style: theme.dim, into: &canvas) }
        writer.skip()
        guard let code = state.selection.code else {
            drawFigures(state, state.figures.actions[action.id], writer: &writer, into: &canvas)
            if action.isTrackable { drawStateGrid(state, action: action, writer: &writer, into: &canvas) }
            return
        }
        let assessment = state.tracker.assessment(state: code, action: action.id)
        var x = writer.rect.x
        if writer.hasRoom {
            x = canvas.text("\(code): ", x: x, y: writer.y, width: writer.rect.width, style: theme.title)
            canvas.text("\(theme.symbol(assessment.status)) \(assessment.status.label)", x: x, y: writer.y,
                        width: writer.rect.maxX - x, style: theme.style(assessment.status))
            writer.y += 1
        }
        if let at = assessment.updatedAt {
            writer.line("updated \(at.shortDescription) by \(assessment.updatedBy ?? "?")", style: theme.dim, into: &canvas)
        }
        writer.line("Note:", style: theme.title, into: &canvas)
        writer.paragraph(assessment.note.isEmpty ? "(none; n adds one)" : assessment.note,
                         style: assessment.note.isEmpty ? theme.dim : .plain, maxLines: 5, into: &canvas)
        writer.line("Evidence:", style: theme.title, into: &canvas)
        if assessment.evidence.isEmpty { writer.line("(none; e adds a reference)", style: theme.dim, into: &canvas) }
        for item in assessment.evidence.prefix(3) { writer.line("• " + item, into: &canvas) }
        if assessment.evidence.count > 3 { writer.line("… \(assessment.evidence.count - 3) more", style: theme.dim, into: &canvas) }
        let changes = ChangeText.latest(state.tracker.journal(code).events(for: action.id), count: 3)
        guard !changes.isEmpty else { return }
        writer.line("Latest changes:", style: theme.title, into: &canvas)
        for change in changes {
            writer.line("\(change.event.time.shortDescription) by \(change.event.author)", style: theme.dim, into: &canvas)
            writer.line("  " + ChangeText.summary(change.before, change.after, change.event, theme: theme), into: &canvas)
        }
    }

    /// Under "All States": every State's code with its status symbol, as many as fit.
    private static func drawStateGrid(_ state: AppState, action: Action, writer: inout Writer, into canvas: inout Canvas) {
        let theme = canvas.theme
        writer.line("By State:", style: theme.title, into: &canvas)
        let cell = 6
        let perRow = max(1, writer.rect.width / cell)
        var shown = 0
        while writer.hasRoom, shown < state.states.count {
            let remaining = state.states.count - shown
            let lastRow = writer.y == writer.rect.maxY - 1
            let count = lastRow && remaining > perRow ? perRow - 1 : min(perRow, remaining)
            for i in 0..<count {
                let participant = state.states[shown + i]
                let status = state.tracker.assessment(state: participant.code, action: action.id).status
                let x = writer.rect.x + i * cell
                let end = canvas.text(participant.code + " ", x: x, y: writer.y, width: cell - 1)
                canvas.text(theme.symbol(status), x: end, y: writer.y, width: 1, style: theme.style(status))
            }
            shown += count
            if shown < state.states.count, lastRow {
                canvas.text("+\(state.states.count - shown)", x: writer.rect.x + count * cell, y: writer.y, width: cell, style: theme.dim)
            }
            writer.y += 1
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
        for status in Status.allCases where writer.hasRoom {
            let x = canvas.text(theme.symbol(status), x: writer.rect.x, y: writer.y, width: 1, style: theme.style(status))
            canvas.text(" \(status.label): \(progress.count(status))", x: x, y: writer.y, width: writer.rect.maxX - x)
            writer.y += 1
        }
    }
}

/// A top-to-bottom text cursor inside a rectangle that silently stops at the bottom edge.
struct Writer {
    let rect: Rect
    var y: Int

    init(rect: Rect) {
        self.rect = rect
        y = rect.y
    }

    var hasRoom: Bool { y < rect.maxY }

    mutating func line(_ text: String, style: Style = .plain, into canvas: inout Canvas) {
        guard hasRoom else { return }
        canvas.text(TextWidth.truncate(Sanitizer.line(text), to: rect.width), x: rect.x, y: y, width: rect.width, style: style)
        y += 1
    }

    mutating func paragraph(_ text: String, style: Style = .plain, maxLines: Int, into canvas: inout Canvas) {
        guard hasRoom else { return }
        y += canvas.paragraph(text, x: rect.x, y: y, width: rect.width, maxLines: min(maxLines, rect.maxY - y), style: style)
    }

    mutating func skip() { if hasRoom { y += 1 } }
}
