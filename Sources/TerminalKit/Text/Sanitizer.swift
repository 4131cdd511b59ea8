import ActionPlanModel


/// Makes text from a file safe to show in a terminal: no control or escape sequence gets through.
///
/// The rules live in `TerminalSafe` (ActionPlanModel), shared with the command line, so the TUI and
/// the CLI can never disagree about what reaches the terminal.
public enum Sanitizer {
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalSafe.clean(text, keepNewlines: keepNewlines)
    }

    /// One line: newlines and tabs shown as spaces-safe symbols, everything else as in `clean`.
    public static func line(_ text: String) -> String {
        clean(text.replacingNewlines(), keepNewlines: false)
    }
}

extension String {
    /// Newlines (LF, CR LF, CR) as "⏎ " so a note fits on one line.
    public func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }
}
