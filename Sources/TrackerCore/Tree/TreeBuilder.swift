import ActionPlanModel

/// Turns the catalog into the flat item list of `TreeCursor`, keeping only the actions a filter lets through.
///
/// Pillars and areas stay only when they hold a kept action, so a filtered tree never shows empty
/// branches; with no filter the whole catalog is shown.
enum TreeBuilder {
    static func items(catalog: Catalog, keep: (Action) -> Bool) -> [TreeItem] {
        var items: [TreeItem] = []
        for pillar in catalog.pillars {
            var pillarItems: [TreeItem] = []
            for area in pillar.areas {
                let actions = area.actions.filter(keep)
                guard !actions.isEmpty else { continue }
                pillarItems.append(TreeItem(id: .area(area.id), depth: 1, parent: nil, hasChildren: true))
                for action in actions {
                    pillarItems.append(TreeItem(id: .action(action.id), depth: 2, parent: nil, hasChildren: false))
                }
            }
            guard !pillarItems.isEmpty else { continue }
            let pillarIndex = items.count
            items.append(TreeItem(id: .pillar(pillar.id), depth: 0, parent: nil, hasChildren: true))
            var areaIndex = pillarIndex
            for var item in pillarItems {
                if item.depth == 1 {
                    item.parent = pillarIndex
                    areaIndex = items.count
                } else {
                    item.parent = areaIndex
                }
                items.append(item)
            }
        }
        return items
    }
}

extension AppState {
    /// Whether an action passes the tree filter for the current State (any State under "All States").
    func passesFilter(_ action: Action) -> Bool {
        guard filter.isActive else { return true }
        if let pillar = filter.pillar, tracker.catalog.placement(ofAction: action.id)?.pillar.id != pillar { return false }
        if let tag = filter.tag, !action.tags.contains(tag) { return false }
        let codes = selection.code.map { [$0] } ?? states.map(\.code)
        if let status = filter.status,
           !codes.contains(where: { tracker.assessment(state: $0, action: action.id).status == status }) { return false }
        if let since = filter.changedSince.flatMap(Timestamp.day) {
            let changed = codes.contains { code in
                (tracker.assessment(state: code, action: action.id).updatedAt).map { $0 >= since } ?? false
            }
            if !changed { return false }
        }
        // Actions for OSCE structures are not reviewed per State, so this filter leaves them out.
        if filter.notReviewed, !action.isTrackable || !codes.contains(where: { !(reviewedThisRound[$0]?.contains(action.id) ?? false) }) { return false }
        return true
    }

    /// Rebuilds the tree after the filter, the State or the store changed.
    mutating func rebuildTree() {
        refreshReviewed()
        tree.replaceItems(TreeBuilder.items(catalog: tracker.catalog, keep: { passesFilter($0) }))
    }
}
