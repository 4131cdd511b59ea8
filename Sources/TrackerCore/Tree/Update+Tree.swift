import Foundation
import ActionPlanModel

extension AppState {
    /// Moves in the tree, follows search matches, opens the filter.
    mutating func treeCommand(_ command: Command) {
        let page = max(1, bodyHeight - 1)
        switch command {
        case .moveUp: tree.move(.up)
        case .moveDown: tree.move(.down)
        case .pageUp: tree.move(.pageUp(page))
        case .pageDown: tree.move(.pageDown(page))
        case .top: tree.move(.top)
        case .bottom: tree.move(.bottom)
        case .activate, .moveRight: tree.move(.expand)
        case .moveLeft: tree.move(.collapse)
        case .startSearch: mode = .search(SearchPrompt(origin: tree.selectedNode))
        case .nextMatch: stepMatch(1)
        case .previousMatch: stepMatch(-1)
        case .openFilter: mode = .form(treeFilterForm())
        case .clearFilter:
            filter = TreeFilter()
            rebuildTree()
            message = Message("filter cleared", kind: .info)
        case .click(let position):
            let row = position.y - 2 + tree.scroll
            if position.y >= 2, position.y < 2 + bodyHeight, position.x < treePaneWidth, row < tree.visible.count {
                tree.move(.row(row))
            }
        case .scroll(let rows): tree.scrollBy(rows, height: bodyHeight)
        case .scrollDetails(let rows):
            let start = detailsScroll.node == tree.selectedNode ? detailsScroll.offset : 0
            // The renderer stops at the end of the text; the offset only has to stay in a sane range.
            detailsScroll = DetailsScroll(node: tree.selectedNode, offset: max(0, min(start + rows, 1000)))
        default: break
        }
        tree.keepVisible(height: bodyHeight)
    }

    /// The width of the tree pane; the details pane takes the rest.
    var treePaneWidth: Int { max(38, size.width * 11 / 20) }

    // MARK: - Search

    /// Nodes whose id, title, summary or (current State's) note contain `query`, in tree order.
    ///
    /// Case and diacritics are ignored, so "turkiye" finds "Türkiye" and "nrm" finds "NRM".
    func matches(for query: String) -> [NodeID] {
        let needle = Self.folded(query)
        guard !needle.isEmpty else { return [] }
        let catalog = tracker.catalog
        var found: [NodeID] = []
        for pillar in catalog.pillars {
            if Self.folded(pillar.title).contains(needle) || pillar.id.contains(needle) { found.append(.pillar(pillar.id)) }
            for area in pillar.areas {
                if Self.folded(area.title).contains(needle) || area.id.lowercased().contains(needle) { found.append(.area(area.id)) }
                for action in area.actions where passesFilter(action) {
                    var haystack = [action.id, action.title, action.summary]
                    if let code = selection.code { haystack.append(tracker.assessment(state: code, action: action.id).note) }
                    if haystack.contains(where: { Self.folded($0).contains(needle) }) { found.append(.action(action.id)) }
                }
            }
        }
        return found.filter { id in tree.items.contains { $0.id == id } }
    }

    /// The nodes to highlight: the matches of the active search, or of the query being typed.
    var highlightedMatches: [NodeID] {
        if case .search(let prompt) = mode { return matches(for: prompt.query.text) }
        return search?.matches ?? []
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// `n` / `N`: the next or previous match, wrapping around.
    private mutating func stepMatch(_ delta: Int) {
        guard var results = search, !results.matches.isEmpty else { return }
        results.index = (results.index + delta + results.matches.count) % results.matches.count
        search = results
        tree.reveal(results.matches[results.index])
        message = Message("match \(results.index + 1) of \(results.matches.count)", kind: .info)
    }
}
