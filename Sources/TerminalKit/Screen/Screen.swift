/// One frame: a grid of cells that `render` fills and the driver copies to the terminal.
///
/// A wide character occupies its cell and marks the next one as a continuation (empty text), as
/// Ratatui's `Buffer` does; `plainText()` then matches `tmux capture-pane -p` byte for byte, so one
/// golden serves the snapshot test and the terminal test.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (text editors), or nil to hide it.
    public var cursor: Position?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes sanitized, single-line `text` at (x, y), clipped to `maxWidth` columns and the screen edge.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for scalar in Sanitizer.line(text).unicodeScalars {
            let w = TextWidth.columns(of: scalar)
            if w == 0 {
                // A combining mark joins the previous cell (ncurses keeps up to five per cell).
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var target = col - 1
                    if target > 0, self[target, y].isContinuation { target -= 1 }
                    if self[target, y].text.unicodeScalars.count < 5 { self[target, y].text.unicodeScalars.append(scalar) }
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                self[col, y] = Cell(text: String(scalar), style: style)
                if w == 2 { self[col + 1, y] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { self[col, row] = Cell(text: " ", style: style) }
        }
    }

    /// The frame as lines of text, trailing spaces removed (what `tmux capture-pane -p` prints).
    public func plainText() -> String {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width { line += self[col, row].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// One terminal cell: a base character with its combining marks, or "" for the right half of a wide one.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }
}

/// A cell coordinate, 0-based from the top-left corner.
public struct Position: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A terminal size in columns and rows.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
