import ActionPlanModel
import TerminalKit

/// The multi-line note editor: a large box, the text soft-wrapped to its width, and the cursor.
///
/// Long lines wrap at the box edge (a note is usually one long paragraph); the wrap is only visual, the
/// saved text keeps exactly the line breaks the user typed.
enum NoteEditorView {
    /// One screen row of the editor: a slice of a logical line.
    struct VisualRow: Equatable {
        var line: Int
        var start: Int
        var end: Int
    }

    static func draw(_ state: AppState, _ draft: NoteDraft, into canvas: inout Canvas) {
        let theme = canvas.theme
        let screen = canvas.screen
        let rect = PopupView.centred(width: screen.width - 8, height: screen.height - 6, in: screen)
        let name = state.tracker.directory.resolve(draft.state)?.name ?? draft.state
        canvas.box(rect, title: "Note on \(draft.action) · \(draft.state) \(name)")
        let buffer = draft.buffer
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 3)
        // One column stays free so the cursor fits after a full row.
        let rows = layout(buffer.lines, width: inner.width - 1)
        let cursorRow = rows.lastIndex { $0.line == buffer.row && $0.start <= buffer.column } ?? 0
        let top = max(0, cursorRow - inner.height + 1)
        for r in 0..<inner.height {
            let index = top + r
            guard index < rows.count else { break }
            let row = rows[index]
            canvas.text(String(buffer.lines[row.line][row.start..<row.end]), x: inner.x, y: inner.y + r, width: inner.width)
        }
        let visual = rows[cursorRow]
        let before = Sanitizer.clean(String(buffer.lines[visual.line][visual.start..<buffer.column]))
        canvas.screen.cursor = Position(x: inner.x + TextWidth.columns(of: before), y: inner.y + cursorRow - top)
        canvas.text("Ctrl-S saves · Esc cancels · Enter new line · line \(buffer.row + 1), column \(buffer.column + 1)",
                    x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: theme.dim)
    }

    /// Splits each logical line into rows of at most `width` columns (an empty line is one empty row).
    static func layout(_ lines: [[Character]], width: Int) -> [VisualRow] {
        var rows: [VisualRow] = []
        for (n, line) in lines.enumerated() {
            var start = 0
            var used = 0
            for (i, character) in line.enumerated() {
                let w = TextWidth.columns(of: Sanitizer.clean(String(character)))
                if used + w > width, i > start {
                    rows.append(VisualRow(line: n, start: start, end: i))
                    start = i
                    used = 0
                }
                used += w
            }
            rows.append(VisualRow(line: n, start: start, end: line.count))
        }
        return rows
    }
}
