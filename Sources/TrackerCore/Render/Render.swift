import ActionPlanModel
import TerminalKit

/// Draws the whole frame for `state` at `size`: header, the current screen, the open popup, the footer.
///
/// Pure: the same state and size always give the same cells, which is what the snapshot goldens check.
/// Below 80×24 it draws only a centred notice, because the layouts below assume that much room.
public func render(_ state: AppState, size: Size) -> Screen {
    var screen = Screen(width: size.width, height: size.height)
    guard size.width >= AppState.minimumSize.width, size.height >= AppState.minimumSize.height else {
        drawTooSmall(&screen)
        return screen
    }
    var state = state
    if state.size != size {
        state.size = size
        state.keepCursorsVisible()
    }
    let theme = Theme(state.options)
    var canvas = Canvas(screen: screen, theme: theme)
    Chrome.drawHeader(state, into: &canvas)
    let body = Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
    switch state.screen {
    case .tree: TreeView.draw(state, in: body, into: &canvas)
    case .matrix: MatrixView.draw(state, in: body, into: &canvas)
    case .dashboard: DashboardView.draw(state, in: body, into: &canvas)
    case .history: HistoryScreen.draw(state, in: body, into: &canvas)
    case .help: HelpView.draw(state, in: body, into: &canvas)
    }
    PopupView.draw(state, into: &canvas)
    Chrome.drawFooter(state, into: &canvas)
    if state.options.ascii { ASCIIFallback.apply(to: &canvas.screen) }
    return canvas.screen
}

private func drawTooSmall(_ screen: inout Screen) {
    let need = AppState.minimumSize
    let lines = ["terminal too small (need \(need.width)×\(need.height))", "now \(screen.width)×\(screen.height); keys wait, q quits"]
    let top = max(0, (screen.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let x = max(0, (screen.width - TextWidth.columns(of: line)) / 2)
        screen.put(line, x: x, y: top + i, style: i == 0 ? .bold : .plain)
    }
}

/// A rectangle of the screen.
struct Rect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
    var maxX: Int { x + width }
    var maxY: Int { y + height }
}

/// The screen being drawn plus the theme, with the few drawing helpers every view needs.
struct Canvas {
    var screen: Screen
    let theme: Theme

    /// Writes text clipped to `width` columns; store text is sanitized by `Screen.put`.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) -> Int {
        screen.put(text, x: x, y: y, style: style, maxWidth: max(0, width))
    }

    /// Writes text cut with "…" and padded to exactly `width` columns, so a styled row is one solid band.
    mutating func field(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        guard width > 0 else { return }
        screen.fill(x: x, y: y, width: width, height: 1, style: style)
        screen.put(TextWidth.truncate(Sanitizer.line(text), to: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// One of the theme's own glyphs (a status symbol: never data, so not sanitised) `indent` columns
    /// into a field of `width` columns filled with `style`: the Matrix draws a thousand of these a frame.
    mutating func glyph(_ glyph: String, x: Int, y: Int, indent: Int, width: Int, style: Style) {
        guard width > 0 else { return }
        screen.fill(x: x, y: y, width: width, height: 1, style: style)
        screen.put(glyph, x: x + indent, y: y, style: style, maxWidth: max(0, width - indent))
    }

    /// Text right-aligned so that it ends at column `right`.
    mutating func rightAligned(_ text: String, right: Int, y: Int, style: Style = .plain) {
        let w = TextWidth.columns(of: Sanitizer.line(text))
        screen.put(text, x: max(0, right - w), y: y, style: style, maxWidth: w)
    }

    /// A box with a title in its top border; the inside is cleared.
    mutating func box(_ rect: Rect, title: String) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let (tl, tr, bl, br) = theme.corners
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        let inner = String(repeating: theme.horizontal, count: max(0, rect.width - 2))
        screen.put(tl + inner + tr, x: rect.x, y: rect.y)
        screen.put(bl + inner + br, x: rect.x, y: rect.maxY - 1)
        for row in rect.y + 1 ..< rect.maxY - 1 {
            screen.put(theme.vertical, x: rect.x, y: row)
            screen.put(theme.vertical, x: rect.maxX - 1, y: row)
        }
        screen.put(" \(title) ", x: rect.x + 2, y: rect.y, style: theme.title, maxWidth: rect.width - 4)
    }

    /// Word-wraps `text` into at most `maxLines` lines starting at (x, y); returns the lines used.
    @discardableResult
    mutating func paragraph(_ text: String, x: Int, y: Int, width: Int, maxLines: Int, style: Style = .plain) -> Int {
        guard maxLines > 0 else { return 0 }
        let lines = TextWrap.wrap(text, width: width)
        for (i, line) in lines.prefix(maxLines).enumerated() {
            let shown = i == maxLines - 1 && lines.count > maxLines ? TextWidth.truncate(line + " …", to: width) : line
            screen.put(shown, x: x, y: y + i, style: style, maxWidth: width)
        }
        return min(lines.count, maxLines)
    }
}
