import TerminalKit

/// Which cells of a new frame must be written, given the frame already on the terminal.
///
/// A wide character owns two cells; its right half (a continuation cell) cannot be drawn on its own.
/// When only a continuation changed, the owning cell to its left is written instead, which redraws
/// both halves. Kept free of ncurses so it can be tested as a plain function.
public enum FrameDiff {
    /// True when nothing of the old frame can be reused (first frame or a new size).
    public static func needsFullRedraw(from old: Screen?, to new: Screen) -> Bool {
        guard let old else { return true }
        return old.width != new.width || old.height != new.height
    }

    /// For each row of `new`, the columns to write, left to right.
    public static func changedColumns(from old: Screen?, to new: Screen) -> [[Int]] {
        let full = needsFullRedraw(from: old, to: new)
        var rows: [[Int]] = Array(repeating: [], count: new.height)
        for y in 0..<new.height {
            var columns: [Int] = []
            for x in 0..<new.width {
                let cell = new[x, y]
                if !full, let old, old[x, y] == cell { continue }
                if cell.isContinuation {
                    // Redraw the owner (if any) so both halves appear; a lone continuation becomes a space.
                    let owner = x > 0 && isWide(new[x - 1, y]) ? x - 1 : x
                    if columns.last != owner { columns.append(owner) }
                } else if columns.last != x {
                    columns.append(x)
                }
            }
            rows[y] = columns
        }
        return rows
    }

    private static func isWide(_ cell: Cell) -> Bool {
        guard let first = cell.text.unicodeScalars.first else { return false }
        return TextWidth.columns(of: first) == 2
    }
}
