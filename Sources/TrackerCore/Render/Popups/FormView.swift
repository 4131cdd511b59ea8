import TerminalKit
/// The filter and export dialogs: one labelled row per field, the focused one highlighted.
enum FormView {
    static func draw(_ form: Form, into canvas: inout Canvas) {
        let theme = canvas.theme
        let rect = PopupView.centred(width: 66, height: form.fields.count + 5, in: canvas.screen)
        canvas.box(rect, title: form.title)
        let labelWidth = (form.fields.map { TextWidth.columns(of: $0.label) }.max() ?? 8) + 2
        for (i, field) in form.fields.enumerated() {
            let y = rect.y + 1 + i
            let focused = i == form.focus
            canvas.field(field.label + ":", x: rect.x + 2, y: y, width: labelWidth, style: focused ? theme.title.withReverse() : .plain)
            let x = rect.x + 3 + labelWidth
            let width = rect.maxX - 2 - x
            switch field.value {
            case .choice(let options, let index):
                canvas.text("‹ \(options[index]) ›", x: x, y: y, width: width, style: focused ? .bold : .plain)
            case .text(let input):
                let hintWidth = field.hint.isEmpty ? 0 : min(TextWidth.columns(of: field.hint) + 1, width / 2)
                PopupView.drawInput(input, x: x, y: y, width: width - hintWidth, focused: focused, into: &canvas)
                if hintWidth > 0 { canvas.text(field.hint, x: rect.maxX - 1 - hintWidth, y: y, width: hintWidth - 1, style: theme.dim) }
            }
        }
        if let error = form.error {
            canvas.text(error, x: rect.x + 2, y: rect.maxY - 3, width: rect.width - 4, style: theme.error)
        }
        canvas.text("Tab/↑↓ field · ←→ Space change · Enter apply · Esc cancel", x: rect.x + 2, y: rect.maxY - 2,
                    width: rect.width - 4, style: theme.dim)
    }
}
