import ActionPlanModel

extension AppState {
    /// Keys of the History screen: move, open a change's action, filter.
    mutating func historyCommand(_ command: Command) {
        let page = max(1, bodyHeight - 3)
        switch command {
        case .moveUp: history.selected -= 1
        case .moveDown: history.selected += 1
        case .pageUp: history.selected -= page
        case .pageDown: history.selected += page
        case .top: history.selected = 0
        case .bottom: history.selected = history.rows.count - 1
        case .scroll(let rows): history.selected += rows
        case .click(let position) where position.y >= 4: history.selected = history.scroll + position.y - 4
        case .activate:
            guard history.selected < history.rows.count else { break }
            let row = history.rows[history.selected]
            guard let event = history.entry(row, in: tracker)?.change.event, tracker.catalog.action(id: event.action) != nil else {
                message = Message("that action is not in the catalog", kind: .info)
                break
            }
            select(.state(row.state))
            if !tree.reveal(.action(event.action)) {
                filter = TreeFilter()
                rebuildTree()
                tree.reveal(.action(event.action))
            }
            screen = .tree
            tree.keepVisible(height: bodyHeight)
        case .openFilter: mode = .form(historyFilterForm())
        case .clearFilter:
            history.filter = HistoryView.Filter()
            history.refresh(tracker: tracker, states: states)
        default: break
        }
        history.keepVisible(height: max(1, bodyHeight - 2))
    }

    /// Keys of the help screen: it only scrolls.
    mutating func helpCommand(_ command: Command) {
        let lines = HelpView.lines(for: self).count
        let page = max(1, bodyHeight - 1)
        switch command {
        case .moveUp: helpScroll -= 1
        case .moveDown: helpScroll += 1
        case .pageUp: helpScroll -= page
        case .pageDown: helpScroll += page
        case .top: helpScroll = 0
        case .bottom: helpScroll = lines
        case .scroll(let rows): helpScroll += rows
        default: break
        }
        helpScroll = max(0, min(helpScroll, max(0, lines - bodyHeight)))
    }
}
