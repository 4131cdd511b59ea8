import TerminalKit

extension Screen {
    /// One character per cell for its status colour: a colour letter (upper case when bold), `#` for
    /// reverse, `!` bold, `~` dim, `.` plain. The right half of a wide character repeats the left half.
    func styleMask() -> String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line.append(Self.maskCharacter(self[x, y].style)) }
            return line
        }.joined(separator: "\n")
    }

    private static func maskCharacter(_ style: Style) -> Character {
        let letters: [Color: Character] = [.black: "k", .red: "r", .green: "g", .yellow: "y", .blue: "b",
                                           .magenta: "m", .cyan: "c", .white: "w"]
        if let letter = letters[style.foreground] { return style.bold ? Character(letter.uppercased()) : letter }
        if style.reverse { return "#" }
        if style.bold { return "!" }
        if style.dim { return "~" }
        return "."
    }
}
