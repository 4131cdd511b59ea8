/// A node of the catalog tree, by the catalog's own ids (stable across reloads and filters).
public enum NodeID: Hashable, Sendable {
    case pillar(String)
    case area(String)
    case action(String)

    public var actionID: String? {
        if case .action(let id) = self { return id }
        return nil
    }
}

/// One row of the flattened tree.
public struct TreeItem: Equatable, Sendable {
    public var id: NodeID
    public var depth: Int
    /// Index of the parent item, nil for a pillar.
    public var parent: Int?
    public var hasChildren: Bool

    public init(id: NodeID, depth: Int, parent: Int?, hasChildren: Bool) {
        self.id = id
        self.depth = depth
        self.parent = parent
        self.hasChildren = hasChildren
    }
}

/// The cursor of the catalog tree: which nodes are expanded, which row is selected, where the view starts.
///
/// Modelled on gitui's `filetreelist`: the whole tree is one flat list of items with depths, the visible
/// rows are those without a collapsed ancestor, and every move says whether it changed anything, so the
/// caller knows when there is nothing to redraw or when to tell the user they hit an edge.
public struct TreeCursor: Equatable, Sendable {
    /// Every way the cursor can move; `move(_:)` answers whether it changed anything.
    public enum Move: Equatable, Sendable {
        case up, down, top, bottom
        case pageUp(Int), pageDown(Int)
        /// Expand a collapsed node; on an expanded one, step to its first child.
        case expand
        /// Collapse an expanded node; elsewhere, step to the parent.
        case collapse
        /// Select a visible row (mouse click).
        case row(Int)
    }

    public private(set) var items: [TreeItem]
    public private(set) var expanded: Set<NodeID>
    /// Indexes into `items` of the rows currently shown.
    public private(set) var visible: [Int]
    /// Index into `visible`.
    public private(set) var selected: Int
    /// The first visible row drawn.
    public private(set) var scroll: Int

    public init(items: [TreeItem], expanded: Set<NodeID> = []) {
        self.items = items
        self.expanded = expanded
        visible = []
        selected = 0
        scroll = 0
        recomputeVisible()
    }

    public var selectedItem: TreeItem? { visible.isEmpty ? nil : items[visible[selected]] }
    public var selectedNode: NodeID? { selectedItem?.id }

    public func isExpanded(_ id: NodeID) -> Bool { expanded.contains(id) }

    /// Moves the cursor (a move past an end, or expanding a leaf, changes nothing).
    public mutating func move(_ move: Move) {
        guard !visible.isEmpty else { return }
        switch move {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(visible.count - 1, selected + 1)
        case .top: selected = 0
        case .bottom: selected = visible.count - 1
        case .pageUp(let n): selected = max(0, selected - max(1, n))
        case .pageDown(let n): selected = min(visible.count - 1, selected + max(1, n))
        case .row(let r): selected = min(max(0, r), visible.count - 1)
        case .expand:
            let item = items[visible[selected]]
            if item.hasChildren {
                if expanded.contains(item.id) { selected = min(visible.count - 1, selected + 1) }
                else { setExpanded(item.id, true) }
            }
        case .collapse:
            let item = items[visible[selected]]
            if item.hasChildren, expanded.contains(item.id) {
                setExpanded(item.id, false)
            } else if let parent = item.parent, let row = visible.firstIndex(of: parent) {
                selected = row
            }
        }
    }

    /// Selects `id`, expanding its ancestors; returns false when the tree does not hold it.
    @discardableResult
    public mutating func reveal(_ id: NodeID) -> Bool {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return false }
        var parent = items[index].parent
        while let p = parent {
            expanded.insert(items[p].id)
            parent = items[p].parent
        }
        recomputeVisible()
        selected = visible.firstIndex(of: index) ?? 0
        return true
    }

    /// Replaces the items (a filter or a new catalog), keeping the selected node where it still exists.
    public mutating func replaceItems(_ newItems: [TreeItem]) {
        let keep = selectedNode
        let oldRow = selected
        items = newItems
        recomputeVisible()
        if let keep, let index = items.firstIndex(where: { $0.id == keep }), let row = visible.firstIndex(of: index) {
            selected = row
        } else {
            selected = max(0, min(oldRow, visible.count - 1))
        }
    }

    /// Scrolls just enough that the selected row is inside a view of `height` rows.
    public mutating func keepVisible(height: Int) {
        guard height > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - height)))
    }

    /// Scrolls the view by `rows` without moving past either end (mouse wheel).
    public mutating func scrollBy(_ rows: Int, height: Int) {
        scroll = max(0, min(scroll + rows, max(0, visible.count - height)))
        // An empty tree (a filter that matches nothing) keeps row 0: never -1.
        selected = max(0, min(max(selected, scroll), min(visible.count - 1, scroll + height - 1)))
    }

    private mutating func setExpanded(_ id: NodeID, _ on: Bool) {
        if on { expanded.insert(id) } else { expanded.remove(id) }
        let keep = visible.isEmpty ? nil : visible[selected]
        recomputeVisible()
        if let keep, let row = visible.firstIndex(of: keep) { selected = row }
    }

    private mutating func recomputeVisible() {
        var rows: [Int] = []
        var hiddenBelowDepth: Int? = nil
        for (i, item) in items.enumerated() {
            if let d = hiddenBelowDepth {
                if item.depth > d { continue }
                hiddenBelowDepth = nil
            }
            rows.append(i)
            if item.hasChildren, !expanded.contains(item.id) { hiddenBelowDepth = item.depth }
        }
        visible = rows
        selected = min(selected, max(0, rows.count - 1))
    }
}
