import ActionPlanModel
import TerminalKit

/// The home screen: the catalog tree on the left, the selected node's details on the right.
///
/// Only the rows inside the view are drawn; each action row looks its status up in the journal's
/// current fold (a dictionary read), so a frame costs the same whatever the store holds.
enum TreeView {
    static func draw(_ state: AppState, in body: Rect, into canvas: inout Canvas) {
        let theme = canvas.theme
        let paneWidth = min(state.treePaneWidth, body.width - 30)
        let tree = state.tree
        let matches = Set(state.highlightedMatches)
        if tree.visible.isEmpty {
            canvas.text(" nothing matches the filter (F clears it)", x: 0, y: body.y, width: paneWidth, style: theme.dim)
        }
        for row in 0..<body.height {
            let index = tree.scroll + row
            guard index < tree.visible.count else { break }
            let item = tree.items[tree.visible[index]]
            drawRow(state, item: item, selected: index == tree.selected, match: matches.contains(item.id), y: body.y + row,
                    width: paneWidth, into: &canvas)
        }
        for row in body.y..<body.maxY { canvas.screen.put(theme.vertical, x: paneWidth, y: row, style: theme.dim) }
        let details = Rect(x: paneWidth + 2, y: body.y, width: body.width - paneWidth - 3, height: body.height)
        if let node = tree.selectedNode { DetailsView.draw(state, node: node, in: details, into: &canvas) }
    }

    private static func drawRow(_ state: AppState, item: TreeItem, selected: Bool, match: Bool, y: Int, width: Int,
                                into canvas: inout Canvas) {
        let theme = canvas.theme
        let catalog = state.tracker.catalog
        let base: Style = selected ? theme.selected : .plain
        canvas.field("", x: 0, y: y, width: width, style: base)
        var x = 1 + item.depth * 2
        let progress: Progress?
        let label: String
        switch item.id {
        case .pillar(let id):
            let pillar = catalog.pillar(id: id)
            label = pillar?.title ?? id
            progress = state.figures.scope(state.selection).pillars[id]
        case .area(let id):
            label = catalog.area(id: id)?.title ?? id
            progress = state.figures.scope(state.selection).areas[id]
        case .action(let id):
            let action = catalog.action(id: id)
            label = "\(id) \(action?.title ?? "")"
            progress = state.selection == .all ? state.figures.actions[id] : nil
        }
        if item.hasChildren {
            let marker = state.tree.isExpanded(item.id) ? theme.expandedMarker : theme.collapsedMarker
            x = canvas.text(marker + " ", x: x, y: y, width: 2, style: base)
        } else if let id = item.id.actionID {
            let marked = state.marks.contains(id)
            x = canvas.text(marked ? "*" : " ", x: x - 1, y: y, width: 1, style: marked ? base.merged(theme.mark) : base)
            if catalog.action(id: id)?.isTrackable == false {
                // Not tracked per State: a dash where a status would be, never a status symbol.
                x = canvas.text("–", x: x, y: y, width: 1, style: base.merged(theme.dim)) + 1
            } else if let code = state.selection.code {
                let status = state.tracker.assessment(state: code, action: id).status
                x = canvas.text(theme.symbol(status), x: x, y: y, width: 1, style: base.merged(theme.style(status)))
                // Concurrent changes that disagree: ≠ (! with --ascii) where the space would be.
                let conflicted = state.tracker.journals[code]?.isConflicted(id) == true
                x = conflicted ? canvas.text(theme.conflictGlyph, x: x, y: y, width: 1, style: base.merged(theme.conflict)) : x + 1
            }
        }
        var right = width - 1
        if let progress {
            let figure = Progress.percent(progress.implementation)
            if state.selection == .all {
                let bar = theme.bar(progress.implementation, width: 5)
                canvas.rightAligned(bar + " " + pad(figure, 4), right: right, y: y, style: base)
                right -= 11
            } else {
                canvas.rightAligned(pad(figure, 4), right: right, y: y, style: base)
                right -= 5
            }
        }
        var labelStyle = item.depth == 0 ? base.withBold() : base
        if match { labelStyle = labelStyle.merged(theme.match) }
        // A title too long for the pane ends in "…": the details pane on the right shows it whole.
        canvas.text(TextWidth.truncate(Sanitizer.line(label), to: max(0, right - x - 1)), x: x, y: y, width: max(0, right - x), style: labelStyle)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.columns(of: text))) + text
    }
}

extension Style {
    /// This style (reverse, for the selected row) with the colours and attributes of `other`.
    func merged(_ other: Style) -> Style {
        var s = self
        if other.foreground != .default { s.foreground = other.foreground }
        if other.background != .default { s.background = other.background }
        s.bold = s.bold || other.bold
        s.dim = s.dim || other.dim
        s.underline = s.underline || other.underline
        s.reverse = s.reverse || other.reverse
        return s
    }
}
