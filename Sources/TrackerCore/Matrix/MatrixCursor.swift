/// Where the matrix is: which level (areas, or the actions of one area), the selected cell, the scroll
/// offsets and the sort order.
///
/// The first column (States) and the header row stay frozen; `rowScroll` and `columnScroll` move only
/// the cells, so the user always sees which State and which area a symbol belongs to.
public struct MatrixCursor: Equatable, Sendable {
    /// The columns shown: areas, or the actions of one area.
    public enum Level: Equatable, Sendable {
        case areas
        /// Drilled into one area: its actions as columns.
        case actions(area: String)
    }

    public enum Sort: Equatable, Sendable {
        case name
        /// Highest implementation first.
        case progress
    }

    public var level: Level = .areas
    public var row = 0
    public var column = 0
    public var rowScroll = 0
    public var columnScroll = 0
    public var sort: Sort = .name
    /// The area column to restore when leaving a drill-down.
    public var areaColumn = 0

    public init() {}

    mutating func clamp(rows: Int, columns: Int, visibleRows: Int, visibleColumns: Int) {
        row = max(0, min(row, rows - 1))
        column = max(0, min(column, columns - 1))
        if row < rowScroll { rowScroll = row }
        if row >= rowScroll + visibleRows { rowScroll = row - visibleRows + 1 }
        rowScroll = max(0, min(rowScroll, max(0, rows - visibleRows)))
        if column < columnScroll { columnScroll = column }
        if column >= columnScroll + visibleColumns { columnScroll = column - visibleColumns + 1 }
        columnScroll = max(0, min(columnScroll, max(0, columns - visibleColumns)))
    }
}
