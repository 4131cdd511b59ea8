/// The `?` screen: every binding of the keymap, grouped by context.
enum HelpView {
    /// The help as (text, is heading) lines, generated from `Keymap.bindings`.
    static func lines() -> [(String, Bool)] {
        var lines: [(String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = Keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((context.title, true))
            for binding in bindings { lines.append(("  " + TextWidth.fit(binding.label, to: 14) + " " + binding.help, false)) }
            if context == .global { lines.append(("  " + TextWidth.fit("mouse", to: 14) + " click selects a row, the wheel scrolls", false)) }
            if context.takesText { lines.append(("  " + TextWidth.fit("other keys", to: 14) + " type text (←/→, Home/End, Backspace/Delete, paste)", false)) }
        }
        return lines
    }

    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let lines = lines()
        let columns = body.width >= 120 ? 2 : 1
        let perColumn = body.height
        let columnWidth = body.width / columns
        for c in 0..<columns {
            for r in 0..<perColumn {
                let index = state.helpScroll + c * perColumn + r
                guard index < lines.count else { break }
                let (text, heading) = lines[index]
                canvas.text(" " + text, x: body.x + c * columnWidth, y: body.y + r, width: columnWidth - 1,
                            style: heading ? canvas.theme.title.withReverse() : .plain)
            }
        }
    }
}
