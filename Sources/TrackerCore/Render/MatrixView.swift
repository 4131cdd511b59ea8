import ActionPlanModel
import TerminalKit

/// States × areas (or × the actions of one area): one coloured symbol per pair, headers frozen.
///
/// Layout: a legend line naming the selected column, the header row of column numbers, then one row per
/// State. Only the rows and columns inside the view are looked up.
enum MatrixView {
    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let theme = canvas.theme
        let rows = state.matrixRows
        let columns = state.matrixColumns
        let m = state.matrix
        let stateWidth = AppState.matrixStateColumnWidth
        let cellWidth = AppState.matrixCellWidth
        let sort = m.sort == .name ? "by name" : "by implementation"
        let level: String
        switch m.level {
        case .areas: level = "States × areas"
        case .actions(let area): level = "States × actions of " + (state.tracker.catalog.area(id: area)?.title ?? area)
        }
        canvas.field(" \(level) · sorted \(sort)", x: 0, y: body.y, width: body.width, style: theme.title)
        if m.column < columns.count {
            canvas.field(" column \(columns[m.column].label): \(columns[m.column].title)", x: 0, y: body.y + 1, width: body.width)
        }
        let headerY = body.y + 2
        canvas.field(" State", x: 0, y: headerY, width: stateWidth, style: theme.title)
        canvas.rightAligned("impl", right: stateWidth, y: headerY, style: theme.title)
        let visibleColumns = state.matrixVisibleColumns
        for c in 0..<visibleColumns {
            let index = m.columnScroll + c
            guard index < columns.count else { break }
            let x = stateWidth + 1 + c * cellWidth
            let style = index == m.column ? theme.selected.withBold() : theme.title
            canvas.field(TreeView.pad(columns[index].label, cellWidth - 1), x: x, y: headerY, width: cellWidth - 1, style: style)
        }
        if m.columnScroll > 0 { canvas.text("‹", x: stateWidth, y: headerY, width: 1, style: theme.dim) }
        if m.columnScroll + visibleColumns < columns.count {
            canvas.text("›", x: stateWidth + 1 + visibleColumns * cellWidth, y: headerY, width: 1, style: theme.dim)
        }
        // Per visible area column, its actions (looked up once, not once per State).
        let areaActions: [String: [String]] = Dictionary(uniqueKeysWithValues: (0..<visibleColumns).compactMap { c in
            let index = m.columnScroll + c
            guard index < columns.count, !columns[index].isAction else { return nil }
            return (columns[index].id, state.tracker.catalog.area(id: columns[index].id)?.actions.map(\.id) ?? [])
        })
        for r in 0..<state.matrixVisibleRows {
            let index = m.rowScroll + r
            guard index < rows.count else { break }
            let participant = rows[index]
            let y = headerY + 1 + r
            let figures = state.figures.states[participant.code]
            let rowStyle: Style = index == m.row ? theme.selected : .plain
            canvas.field(" \(participant.code) \(participant.name)", x: 0, y: y, width: stateWidth - 5, style: rowStyle)
            canvas.field(TreeView.pad(Progress.percent(figures?.overall.implementation), 5), x: stateWidth - 5, y: y, width: 5, style: rowStyle)
            for c in 0..<visibleColumns {
                let column = m.columnScroll + c
                guard column < columns.count else { break }
                let status: Status
                let conflicted: Bool
                // Most States have no open conflict: then no pair is looked up.
                let journal = (state.figures.conflicts[participant.code] ?? 0) > 0 ? state.tracker.journals[participant.code] : nil
                if columns[column].isAction {
                    status = state.tracker.assessment(state: participant.code, action: columns[column].id).status
                    conflicted = journal?.isConflicted(columns[column].id) == true
                } else {
                    status = theme.summaryStatus(figures?.areas[columns[column].id] ?? Progress())
                    conflicted = journal.map { j in areaActions[columns[column].id]?.contains { j.isConflicted($0) } == true } ?? false
                }
                var style = theme.style(status)
                let selected = index == m.row && column == m.column
                if selected { style = style.withReverse() }
                let x = stateWidth + 1 + c * cellWidth
                canvas.glyph(theme.symbol(status), x: x, y: y, indent: 2, width: cellWidth - 1, style: style)
                if conflicted {
                    // ≠ beside the symbol: an action (or an action of the area) in conflict.
                    canvas.text(theme.conflictGlyph, x: x + 3, y: y, width: 1, style: selected ? theme.conflict.withReverse() : theme.conflict)
                }
            }
        }
    }
}
