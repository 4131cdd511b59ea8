import ActionPlanModel
import TerminalKit

/// Draws the open popup, centred over the screen, and places the terminal cursor in text fields.
enum PopupView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        switch state.mode {
        case .browsing: return
        case .statusPicker(let picker): drawStatusPicker(state, picker, into: &canvas)
        case .noteEditor(let draft): NoteEditorView.draw(state, draft, into: &canvas)
        case .evidenceInput(let draft):
            let rect = centred(width: 64, height: 5, in: canvas.screen)
            canvas.box(rect, title: "Add evidence to \(draft.action) (\(draft.state))")
            canvas.text("A reference: URL, law, document number", x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, style: canvas.theme.dim)
            drawInput(draft.input, x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, into: &canvas)
        case .statePicker(let picker): StatePickerView.draw(state, picker, into: &canvas)
        case .palette(let palette): PaletteView.draw(state, palette, into: &canvas)
        case .evidenceList(let list): drawEvidenceList(state, list, into: &canvas)
        case .roundComparison(let view): RoundCompareDrawing.draw(state, view, into: &canvas)
        case .search(let prompt):
            let rect = Rect(x: 0, y: canvas.screen.height - 4, width: min(canvas.screen.width, 72), height: 3)
            let count = state.matches(for: prompt.query.text).count
            canvas.box(rect, title: "Search ids, titles, summaries, notes · \(Plural.count(count, "match", "matches"))")
            canvas.text("/", x: rect.x + 2, y: rect.y + 1, width: 1, style: .bold)
            drawInput(prompt.query, x: rect.x + 4, y: rect.y + 1, width: rect.width - 6, into: &canvas)
        case .form(let form): FormView.draw(form, into: &canvas)
        case .conflictChooser(let chooser): ConflictChooserView.draw(state, chooser, into: &canvas)
        case .syncReport(let summary):
            let width = min(canvas.screen.width - 4, max(50, summary.lines.map { TextWidth.columns(of: $0) }.max() ?? 0) + 4)
            let rect = centred(width: width, height: summary.lines.count + 4, in: canvas.screen)
            canvas.box(rect, title: summary.failed ? "Sync stopped" : "Sync")
            for (i, line) in summary.lines.enumerated() where rect.y + 1 + i < rect.maxY - 2 {
                canvas.text(TextWidth.truncate(Sanitizer.line(line), to: rect.width - 4), x: rect.x + 2, y: rect.y + 1 + i,
                            width: rect.width - 4, style: summary.failed && i == 0 ? canvas.theme.error : .plain)
            }
            canvas.text("Enter or Esc closes", x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: canvas.theme.dim)
        }
    }

    static func centred(width: Int, height: Int, in screen: Screen) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 3)
        return Rect(x: (screen.width - w) / 2, y: max(2, (screen.height - h) / 2), width: w, height: h)
    }

    /// A one-line field, scrolled so the cursor stays visible; the terminal cursor is placed in it.
    static func drawInput(_ input: LineInput, x: Int, y: Int, width: Int, focused: Bool = true, into canvas: inout Canvas) {
        guard width > 0 else { return }
        let text = Sanitizer.line(input.text)
        let cursor = input.cursorColumn
        let offset = max(0, cursor - width + 1)
        let style = Style(underline: true)
        canvas.screen.fill(x: x, y: y, width: width, height: 1, style: style)
        var col = 0
        var drawX = x
        for scalar in text.unicodeScalars {
            let w = TextWidth.columns(of: scalar)
            if col >= offset {
                if drawX + w > x + width { break }
                drawX = canvas.screen.put(String(scalar), x: drawX, y: y, style: style)
            }
            col += w
        }
        if focused { canvas.screen.cursor = Position(x: x + cursor - offset, y: y) }
    }

    private static func drawStatusPicker(_ state: AppState, _ picker: StatusPicker, into canvas: inout Canvas) {
        let theme = canvas.theme
        let rect = centred(width: 44, height: Status.allCases.count + 4, in: canvas.screen)
        let target = picker.actions.count == 1 ? picker.actions[0] : "\(picker.actions.count) marked actions"
        canvas.box(rect, title: "Status of \(target) in \(picker.state)")
        let current = picker.actions.count == 1 ? state.tracker.assessment(state: picker.state, action: picker.actions[0]).status : nil
        for (i, status) in Status.allCases.enumerated() {
            let y = rect.y + 1 + i
            let selected = status == picker.highlighted
            let base: Style = selected ? theme.selected : .plain
            canvas.field("", x: rect.x + 1, y: y, width: rect.width - 2, style: base)
            var x = canvas.text(" \(i + 1)  ", x: rect.x + 1, y: y, width: 4, style: base.withBold())
            x = canvas.text(theme.symbol(status), x: x, y: y, width: 1, style: base.merged(theme.style(status))) + 1
            canvas.text(status.label + (status == current ? "  (current)" : ""), x: x, y: y, width: rect.maxX - x - 1, style: base)
        }
        canvas.text("↑↓ Enter, or the digit · Esc cancels", x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: theme.dim)
    }
}

extension PopupView {
    /// The evidence list: one reference per row, the highlighted one reversed.
    static func drawEvidenceList(_ state: AppState, _ list: EvidenceList, into canvas: inout Canvas) {
        let refs = state.references(list)
        let rect = centred(width: 72, height: min(canvas.screen.height - 4, refs.count + 4), in: canvas.screen)
        canvas.box(rect, title: "Evidence of \(list.action) (\(list.state)) · \(refs.count)")
        for (i, ref) in refs.enumerated() where rect.y + 1 + i < rect.maxY - 2 {
            let style: Style = i == min(list.highlighted, refs.count - 1) ? canvas.theme.selected : .plain
            canvas.field(" " + TextWidth.truncate(Sanitizer.line(ref), to: rect.width - 4), x: rect.x + 1, y: rect.y + 1 + i,
                         width: rect.width - 2, style: style)
        }
        canvas.text("Enter edit · d remove · o open · c copy · e add · Esc close", x: rect.x + 2, y: rect.maxY - 2,
                    width: rect.width - 4, style: canvas.theme.dim)
    }
}
