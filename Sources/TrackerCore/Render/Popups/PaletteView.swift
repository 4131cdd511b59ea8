import ActionPlanModel
import TerminalKit

/// The command palette: the query on top, the matching commands below with their keys on the right;
/// a command that does not apply here is dimmed and says why when highlighted.
enum PaletteView {
    static func draw(_ state: AppState, _ palette: Palette, into canvas: inout Canvas) {
        let theme = canvas.theme
        let rect = PopupView.centred(width: 76, height: canvas.screen.height - 4, in: canvas.screen)
        let entries = Palette.entries(for: palette.query.text, in: state)
        canvas.box(rect, title: "Commands · \(entries.count) shown")
        canvas.text(":", x: rect.x + 2, y: rect.y + 1, width: 1, style: .bold)
        PopupView.drawInput(palette.query, x: rect.x + 4, y: rect.y + 1, width: rect.width - 6, into: &canvas)
        let listHeight = rect.height - 4
        let top = max(0, palette.highlighted - listHeight + 1)
        for r in 0..<max(0, listHeight) {
            let index = top + r
            guard index < entries.count else { break }
            let entry = entries[index]
            let disabled = reason(entry, in: state) != nil
            var style: Style = disabled ? theme.dim : .plain
            if index == palette.highlighted { style = theme.selected }
            let keysWidth = min(14, TextWidth.columns(of: entry.keys))
            canvas.field(" " + TextWidth.truncate(entry.title, to: rect.width - keysWidth - 5), x: rect.x + 1, y: rect.y + 2 + r,
                         width: rect.width - 2, style: style)
            canvas.rightAligned(TextWidth.truncate(entry.keys, to: keysWidth) + " ", right: rect.maxX - 1, y: rect.y + 2 + r, style: style)
        }
        let footer: String
        if entries.isEmpty {
            footer = "no command matches"
        } else if palette.highlighted < entries.count, let why = reason(entries[palette.highlighted], in: state) {
            footer = "not here: " + why
        } else {
            footer = "Enter runs · ↑↓ choose · Esc closes"
        }
        canvas.text(TextWidth.truncate(footer, to: rect.width - 4), x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, style: theme.dim)
    }

    /// Why the entry's command does nothing here (the key table's one rule), or nil.
    static func reason(_ entry: Palette.Entry, in state: AppState) -> String? {
        var browsing = state
        browsing.mode = .browsing
        switch entry.command {
        case .run(let command): return command.unavailableReason(in: browsing)
        case .export: return Command.openExport.unavailableReason(in: browsing)
        case .selectState, .word, .view, .filter: return nil
        case .saveView: return state.options.readOnly ? "read-only: views cannot be saved" : nil
        }
    }
}
