/// A key press or mouse event, as the driver decodes it; no ncurses type leaves the driver.
public enum Key: Sendable, Hashable {
    case character(Character)
    case control(Character)      // Ctrl-A … Ctrl-Z, as the lower-case letter
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case mouse(MouseEvent)
    /// Text arriving in one burst (a paste), kept whole so an editor inserts it at once.
    case paste(String)
}

/// A mouse event in screen coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var position: Position

    public init(kind: Kind, position: Position) {
        self.kind = kind
        self.position = position
    }
}
