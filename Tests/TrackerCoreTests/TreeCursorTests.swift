import Testing
@testable import TrackerCore

/// The cursor over a tree drawn like this (everything collapsed at first):
/// ```
/// ▸ P1          ▸ P2
///   ▸ A1          ▸ A2
///     x1 x2         x3
/// ```
struct TreeCursorTests {
    static let items: [TreeItem] = [
        TreeItem(id: .pillar("P1"), depth: 0, parent: nil, hasChildren: true),
        TreeItem(id: .area("A1"), depth: 1, parent: 0, hasChildren: true),
        TreeItem(id: .action("x1"), depth: 2, parent: 1, hasChildren: false),
        TreeItem(id: .action("x2"), depth: 2, parent: 1, hasChildren: false),
        TreeItem(id: .pillar("P2"), depth: 0, parent: nil, hasChildren: true),
        TreeItem(id: .area("A2"), depth: 1, parent: 4, hasChildren: true),
        TreeItem(id: .action("x3"), depth: 2, parent: 5, hasChildren: false),
    ]

    @Test func startsCollapsedShowingPillarsOnly() {
        let cursor = TreeCursor(items: Self.items)
        #expect(cursor.visible.map { cursor.items[$0].id } == [.pillar("P1"), .pillar("P2")])
        #expect(cursor.selectedNode == .pillar("P1"))
    }

    /// Whether `move` changed the selection or what is expanded.
    static func moves(_ cursor: inout TreeCursor, _ move: TreeCursor.Move) -> Bool {
        let before = cursor
        cursor.move(move)
        return cursor.selected != before.selected || cursor.visible != before.visible
    }

    @Test func movesChangeNothingAtTheEnds() {
        var cursor = TreeCursor(items: Self.items)
        do { let changed = Self.moves(&cursor, .up); #expect(changed == false) }
        do { let changed = Self.moves(&cursor, .down); #expect(changed == true) }
        do { let changed = Self.moves(&cursor, .down); #expect(changed == false) }
        do { let changed = Self.moves(&cursor, .bottom); #expect(changed == false) }
        do { let changed = Self.moves(&cursor, .top); #expect(changed == true) }
        do { let changed = Self.moves(&cursor, .collapse); #expect(changed == false, "a collapsed pillar has no parent to go to") }
    }

    @Test func expandTwiceStepsIntoTheFirstChild() {
        var cursor = TreeCursor(items: Self.items)
        do { let changed = Self.moves(&cursor, .expand); #expect(changed) }
        #expect(cursor.selectedNode == .pillar("P1"))
        do { let changed = Self.moves(&cursor, .expand); #expect(changed) }
        #expect(cursor.selectedNode == .area("A1"))
        cursor.move(.expand)
        cursor.move(.expand)
        #expect(cursor.selectedNode == .action("x1"))
        do { let changed = Self.moves(&cursor, .expand); #expect(changed == false, "an action has nothing to expand") }
    }

    @Test func collapseGoesToTheParentThenCloses() {
        var cursor = TreeCursor(items: Self.items)
        cursor.reveal(.action("x2"))
        #expect(cursor.selectedNode == .action("x2"))
        cursor.move(.collapse)
        #expect(cursor.selectedNode == .area("A1"))
        cursor.move(.collapse)
        #expect(cursor.isExpanded(.area("A1")) == false)
        #expect(cursor.visible.count == 3)
    }

    @Test func pagesAndRowsStayInRange() {
        var cursor = TreeCursor(items: Self.items, expanded: [.pillar("P1"), .area("A1"), .pillar("P2"), .area("A2")])
        #expect(cursor.visible.count == 7)
        cursor.move(.pageDown(5))
        #expect(cursor.selected == 5)
        cursor.move(.pageDown(5))
        #expect(cursor.selected == 6)
        cursor.move(.row(99))
        #expect(cursor.selected == 6)
        cursor.move(.pageUp(100))
        #expect(cursor.selected == 0)
    }

    @Test func keepVisibleScrollsJustEnough() {
        var cursor = TreeCursor(items: Self.items, expanded: [.pillar("P1"), .area("A1"), .pillar("P2"), .area("A2")])
        cursor.move(.row(5))
        cursor.keepVisible(height: 3)
        #expect(cursor.scroll == 3)
        cursor.move(.up)
        cursor.keepVisible(height: 3)
        #expect(cursor.scroll == 3)
        cursor.move(.top)
        cursor.keepVisible(height: 3)
        #expect(cursor.scroll == 0)
    }

    @Test func replacingItemsKeepsTheSelectedNode() {
        var cursor = TreeCursor(items: Self.items)
        cursor.reveal(.action("x3"))
        cursor.replaceItems(Array(Self.items[4...]).map { item in
            var item = item
            item.parent = item.parent.map { $0 - 4 }
            return item
        })
        #expect(cursor.selectedNode == .action("x3"))
    }
}
