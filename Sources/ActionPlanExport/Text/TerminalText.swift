/// Text from a file or the store on its way to a terminal: control characters replaced.
///
/// An escape sequence hidden in an author name or a CSV cell must not move the cursor or repaint the
/// screen when `changes` prints a table or `import` names a bad cell; U+FFFD shows where one was.
enum TerminalText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
