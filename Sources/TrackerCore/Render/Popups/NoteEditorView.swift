import ActionPlanModel

/// The multi-line note editor: a large box, the text with the cursor, and how to save or cancel.
///
/// Lines are not wrapped: a long line scrolls sideways with the cursor, so what is on screen is exactly
/// the text and the cursor position is never ambiguous.
enum NoteEditorView {
    static func draw(_ state: AppState, _ draft: NoteDraft, into canvas: inout Canvas) {
        let theme = canvas.theme
        let screen = canvas.screen
        let rect = PopupView.centred(width: screen.width - 8, height: screen.height - 6, in: screen)
        let name = state.tracker.directory.resolve(draft.state)?.name ?? draft.state
        canvas.box(rect, title: "Note on \(draft.action) · \(draft.state) \(name)")
        let buffer = draft.buffer
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 3)
        let top = max(0, buffer.row - inner.height + 1)
        let cursorColumn = buffer.cursorColumn
        let offset = max(0, cursorColumn - inner.width + 1)
        for r in 0..<inner.height {
            let index = top + r
            guard index < buffer.lines.count else { break }
            let text = Sanitizer.clean(String(buffer.lines[index]))
            var col = 0
            var x = inner.x
            for scalar in text.unicodeScalars {
                let w = TextWidth.columns(of: scalar)
                if col >= offset {
                    if x + w > inner.maxX { break }
                    x = canvas.screen.put(String(scalar), x: x, y: inner.y + r)
                }
                col += w
            }
        }
        canvas.screen.cursor = Position(x: inner.x + cursorColumn - offset, y: inner.y + buffer.row - top)
        canvas.text("Ctrl-S saves · Esc cancels · line \(buffer.row + 1), column \(buffer.column + 1)",
                    x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: theme.dim)
    }
}
