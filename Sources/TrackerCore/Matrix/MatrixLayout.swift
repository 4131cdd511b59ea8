import ActionPlanModel

/// A column of the matrix: an area (with its "pillar.area" number) or an action of a drilled area.
public struct MatrixColumn: Equatable, Sendable {
    public var id: String
    /// The short header label ("2.1", or the action's letter within its area).
    public var label: String
    public var title: String
    public var isAction: Bool
}

extension AppState {
    /// The States as matrix rows, in the chosen order.
    var matrixRows: [Participant] {
        switch matrix.sort {
        case .name:
            return statesByName
        case .progress:
            // Each State's figure looked up once.
            let keyed = states.map { ($0, figures.states[$0.code]?.overall.implementation ?? -1) }
            return keyed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }.map(\.0)
        }
    }

    /// The columns of the current level.
    var matrixColumns: [MatrixColumn] {
        let catalog = tracker.catalog
        switch matrix.level {
        case .areas:
            return catalog.pillars.enumerated().flatMap { p, pillar in
                pillar.areas.enumerated().map { a, area in
                    MatrixColumn(id: area.id, label: "\(p + 1).\(a + 1)", title: "\(pillar.title) › \(area.title)", isAction: false)
                }
            }
        case .actions(let areaID):
            guard let area = catalog.area(id: areaID) else { return [] }
            return area.actions.filter(\.isTrackable).enumerated().map { i, action in
                MatrixColumn(id: action.id, label: String(i + 1), title: "\(action.id) \(action.title)", isAction: true)
            }
        }
    }

    /// Width of the frozen State column (name and implementation figure).
    static let matrixStateColumnWidth = 26
    static let matrixCellWidth = 4

    var matrixVisibleColumns: Int { max(1, (size.width - Self.matrixStateColumnWidth - 1) / Self.matrixCellWidth) }
    /// Body rows minus the legend line and the column header line.
    var matrixVisibleRows: Int { max(1, bodyHeight - 3) }

    mutating func clampMatrix() {
        matrix.clamp(rows: states.count, columns: matrixColumns.count,
                     visibleRows: matrixVisibleRows, visibleColumns: matrixVisibleColumns)
    }

    mutating func matrixCommand(_ command: Command) {
        switch command {
        case .moveUp: matrix.row -= 1
        case .moveDown: matrix.row += 1
        case .moveLeft: matrix.column -= 1
        case .moveRight: matrix.column += 1
        case .pageUp: matrix.row -= matrixVisibleRows
        case .pageDown: matrix.row += matrixVisibleRows
        case .top: matrix.row = 0
        case .bottom: matrix.row = states.count - 1
        case .toggleSort:
            matrix.sort = matrix.sort == .name ? .progress : .name
            message = Message(matrix.sort == .name ? "sorted by State name" : "sorted by implementation", kind: .info)
        case .activate: matrixActivate()
        case .back:
            if case .actions = matrix.level {
                matrix.level = .areas
                matrix.column = matrix.areaColumn
            }
        case .click(let position):
            let row = position.y - 5 + matrix.rowScroll
            let column = (position.x - Self.matrixStateColumnWidth - 1) / Self.matrixCellWidth + matrix.columnScroll
            if position.y >= 5, row < states.count { matrix.row = row }
            if position.x > Self.matrixStateColumnWidth, column < matrixColumns.count { matrix.column = column }
        case .scroll(let rows): matrix.row += rows
        default: break
        }
        clampMatrix()
    }

    /// Enter: on an area, drill into its actions; on an action, open it in the tree for that State.
    private mutating func matrixActivate() {
        let columns = matrixColumns
        guard matrix.column < columns.count else { return }
        let column = columns[matrix.column]
        if column.isAction {
            let rows = matrixRows
            if matrix.row < rows.count { select(.state(rows[matrix.row].code)) }
            tree.reveal(.action(column.id))
            screen = .tree
            tree.keepVisible(height: bodyHeight)
        } else {
            matrix.areaColumn = matrix.column
            matrix.level = .actions(area: column.id)
            matrix.column = 0
            matrix.columnScroll = 0
        }
    }
}
