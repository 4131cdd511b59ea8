import Foundation
import TerminalKit

/// The multi-line buffer of the note editor.
///
/// Lines of grapheme clusters with a (row, column) cursor; Enter splits a line, Backspace at the start
/// of a line joins it to the previous one, a paste keeps its line breaks. Up and down keep the column
/// where possible, as editors do.
public struct TextBuffer: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row: Int
    public private(set) var column: Int

    public init(_ text: String = "") {
        let split = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        lines = split.isEmpty ? [[]] : split.map { Array($0) }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// Applies an editing key; returns false for keys the editor does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where c.isNewline: newline()
        case .character(let c): insert(c)
        case .enter: newline()
        case .paste(let text): paste(text)
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .up:
            if row > 0 { row -= 1; column = min(column, lines[row].count) }
        case .down:
            if row < lines.count - 1 { row += 1; column = min(column, lines[row].count) }
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .backspace: backspace()
        case .delete: delete()
        default: return false
        }
        return true
    }

    private mutating func insert(_ c: Character) {
        lines[row].insert(c, at: column)
        column += 1
    }

    private mutating func newline() {
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines.insert(rest, at: row + 1)
        row += 1
        column = 0
    }

    private mutating func paste(_ text: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (i, part) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { newline() }
            for c in part { insert(c) }
        }
    }

    private mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            let line = lines.remove(at: row)
            row -= 1
            column = lines[row].count
            lines[row].append(contentsOf: line)
        }
    }

    private mutating func delete() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row < lines.count - 1 {
            let next = lines.remove(at: row + 1)
            lines[row].append(contentsOf: next)
        }
    }

    /// Columns before the cursor on its line, for placing the terminal cursor.
    public var cursorColumn: Int { TextWidth.columns(of: Sanitizer.clean(String(lines[row][..<column]))) }
}
