import TerminalKit
import ActionPlanModel

/// Text from a file or the store on its way to a terminal, through the one sanitizer (`TerminalSafe`).
///
/// An escape sequence hidden in an author name or a CSV cell must not move the cursor or repaint the
/// screen when `changes` prints a table or `import` names a bad cell.
enum TerminalText {
    static func clean(_ text: String) -> String { TerminalSafe.clean(text) }
}
