import ActionPlanModel
import TerminalKit

/// The State picker: the query on top, the matching States below, the highlighted one reversed.
enum StatePickerView {
    static func draw(_ state: AppState, _ picker: StatePicker, into canvas: inout Canvas) {
        let theme = canvas.theme
        let rect = PopupView.centred(width: 50, height: canvas.screen.height - 4, in: canvas.screen)
        let choices = state.stateChoices(matching: picker.query.text)
        canvas.box(rect, title: "Choose a State · \(choices.count) shown")
        canvas.text("Filter:", x: rect.x + 2, y: rect.y + 1, width: 7, style: .bold)
        PopupView.drawInput(picker.query, x: rect.x + 10, y: rect.y + 1, width: rect.width - 12, into: &canvas)
        let listHeight = rect.height - 3
        let top = max(0, picker.highlighted - listHeight + 1)
        for r in 0..<listHeight {
            let index = top + r
            guard index < choices.count else { break }
            let y = rect.y + 2 + r
            let style: Style = index == picker.highlighted ? theme.selected : .plain
            let label: String
            var figure = ""
            switch choices[index] {
            case .all:
                label = "All States"
                figure = Progress.percent(state.figures.all.overall.implementation)
            case .state(let code):
                let p = state.tracker.directory.resolve(code)
                label = "\(code)  \(p?.name ?? code)" + (p?.kind == .partner ? " (partner)" : "")
                figure = Progress.percent(state.figures.states[code]?.overall.implementation)
            }
            canvas.field(" " + label, x: rect.x + 1, y: y, width: rect.width - 2, style: choices[index] == state.selection ? style.withBold() : style)
            canvas.rightAligned(figure + " ", right: rect.maxX - 1, y: y, style: style)
        }
        if choices.isEmpty { canvas.text("no State matches", x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, style: theme.dim) }
    }
}
