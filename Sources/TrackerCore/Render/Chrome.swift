import ActionPlanModel
import TerminalKit

/// The header (store, State, figures, mode; the screen tabs) and the footer (message or key hints).
enum Chrome {
    static func drawHeader(_ state: AppState, into canvas: inout Canvas) {
        let theme = canvas.theme
        let width = canvas.screen.width
        canvas.screen.fill(x: 0, y: 0, width: width, height: 1, style: theme.header)
        let figures = state.figures.scope(state.selection).overall
        let who = state.currentState.map { "\($0.code) \($0.name)" } ?? "All States (\(state.states.count))"
        let left = " \(state.options.storeName) │ \(who) │ coverage \(Progress.percent(figures.coverage))"
            + " │ implementation \(Progress.percent(figures.implementation))"
        let mode = state.options.readOnly ? " READ-ONLY " : " EDIT "
        let modeWidth = TextWidth.columns(of: mode)
        canvas.text(left, x: 0, y: 0, width: width - modeWidth - 1, style: theme.header)
        canvas.rightAligned(mode, right: width, y: 0, style: theme.header.withBold())

        var x = 1
        for (screen, label, start) in tabs {
            let style = screen == state.screen ? theme.selected.withBold() : Style.plain
            x = canvas.text(label, x: start, y: 1, width: width - start, style: style) + 1
        }
        var notes: [String] = []
        if state.myStatesOnly { notes.append("my States (M: all)") }
        if state.filter.isActive, state.screen == .tree { notes.append("filter: \(state.filter.summary)") }
        if let search = state.search, state.screen == .tree {
            notes.append("search “\(search.query)” \(search.matches.isEmpty ? 0 : search.index + 1)/\(search.matches.count)")
        }
        if !state.marks.isEmpty { notes.append("\(state.marks.count) marked") }
        if let round = roundNote(state, room: width - x - 2 - notes.reduce(0) { $0 + TextWidth.columns(of: Sanitizer.line($1)) + 3 }) {
            notes.append(round)
        }
        if !notes.isEmpty {
            let text = notes.joined(separator: " · ") + " "
            canvas.rightAligned(TextWidth.truncate(Sanitizer.line(text), to: max(0, width - x - 1)), right: width, y: 1,
                                style: theme.mark)
        }
    }

    /// The screen tabs of the second row with their labels and first columns (a click there switches).
    static let tabs: [(ScreenID, String, Int)] = {
        var x = 1
        return ScreenID.allCases.map { screen in
            let label = screen == .help ? " ? Help " : " \(screen.rawValue) \(screen.title) "
            defer { x += TextWidth.columns(of: label) + 1 }
            return (screen, label, x)
        }
    }()

    static func drawFooter(_ state: AppState, into canvas: inout Canvas) {
        let theme = canvas.theme
        let y = canvas.screen.height - 1
        let width = canvas.screen.width
        if let message = state.message {
            let style: Style = switch message.kind {
            case .error: theme.error
            case .success: theme.success
            case .info: .bold
            }
            canvas.field(" " + message.text, x: 0, y: y, width: width, style: style)
            return
        }
        var x = 1
        for binding in Keymap.footer(for: state, width: width) {
            guard let key = binding.keys.first?.label, let hint = binding.hint else { continue }
            x = canvas.text(key, x: x, y: y, width: width - x, style: .bold)
            x = canvas.text(" " + hint, x: x, y: y, width: width - x) + 2
        }
    }
}
