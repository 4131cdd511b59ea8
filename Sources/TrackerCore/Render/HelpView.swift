import TerminalKit
/// The `?` screen: every binding of the keymap, grouped by context.
///
/// Descriptions wrap under themselves instead of being cut, and a binding that does nothing right now
/// says why (the same `disabledReason` that refuses the key and hides it from the footer).
enum HelpView {
    /// One row of the help: its text and how it is drawn.
    struct Line: Equatable {
        enum Kind: Equatable { case heading, entry, unavailable }
        var text: String
        var kind: Kind
    }

    /// The width of the key column.
    static let keyColumn = 14

    /// The help as rows of at most `width` columns, generated from the session's key table (`state.keymap`).
    static func lines(for state: AppState, width: Int) -> [Line] {
        let textWidth = max(10, width - keyColumn - 3)
        var lines: [Line] = []
        for context in KeyContext.allCases {
            let bindings = state.keymap.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(text: "", kind: .entry)) }
            lines.append(Line(text: context.title, kind: .heading))
            func entry(_ keys: String, _ text: String, kind: Line.Kind) {
                for (i, row) in TextWrap.wrap(text, width: textWidth).enumerated() {
                    let key = i == 0 ? TextWidth.fit(keys, to: keyColumn) : String(repeating: " ", count: keyColumn)
                    lines.append(Line(text: "  " + key + " " + row, kind: kind))
                }
            }
            for binding in bindings {
                if let reason = binding.disabledReason(in: state) {
                    entry(binding.label, binding.help + " (now: \(reason))", kind: .unavailable)
                } else {
                    entry(binding.label, binding.help, kind: .entry)
                }
            }
            if context.takesText { entry("other keys", "type text (←/→, Home/End, Backspace/Delete, paste)", kind: .entry) }
        }
        return lines
    }

    /// Two columns from 120 columns up, else one.
    static func columns(width: Int) -> Int { width >= 120 ? 2 : 1 }

    /// The rows of one column of the help at the state's size.
    static func lines(for state: AppState) -> [Line] {
        lines(for: state, width: state.size.width / columns(width: state.size.width) - 2)
    }

    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let columns = columns(width: body.width)
        let columnWidth = body.width / columns
        let lines = lines(for: state, width: columnWidth - 2)
        let perColumn = body.height
        for c in 0..<columns {
            for r in 0..<perColumn {
                let index = state.helpScroll + c * perColumn + r
                guard index < lines.count else { break }
                let line = lines[index]
                let style: Style = switch line.kind {
                case .heading: canvas.theme.title.withReverse()
                case .entry: .plain
                case .unavailable: canvas.theme.dim
                }
                canvas.text(" " + line.text, x: body.x + c * columnWidth, y: body.y + r, width: columnWidth - 1, style: style)
            }
        }
    }
}
