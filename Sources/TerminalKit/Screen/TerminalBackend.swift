/// What the program loop needs from a terminal: input, its size, and a way to show a frame.
///
/// The ncurses `Terminal` in TerminalDriver is the real one; tests use a fake that plays a script of
/// keys and keeps every frame, so a whole session (loop, effects, store on a temporary folder) runs in
/// a unit test, as with Ratatui's `TestBackend`. No ncurses type appears here.
public protocol TerminalBackend: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` (0 = just look, negative = forever) for input; nil on timeout.
    func read(timeoutMilliseconds: Int) -> InputEvent?
    /// Shows `screen`.
    func draw(_ screen: Screen)
    /// Forgets the previous frame so the next `draw` repaints everything (after a resize).
    func invalidate()
    /// Runs `body` (a write to the store) so that a termination signal waits until it is done.
    func critical<T>(_ body: () -> T) -> T
    /// Puts `text` on the terminal's clipboard (OSC 52), only when the user asks; false when this
    /// backend cannot.
    func copyToClipboard(_ text: String) -> Bool
}

extension TerminalBackend {
    public func critical<T>(_ body: () -> T) -> T { body() }
    public func copyToClipboard(_ text: String) -> Bool { false }
}
