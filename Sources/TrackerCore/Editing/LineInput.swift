import TerminalKit
/// A one-line text field: the query of a search or a State picker, an evidence reference, a date.
///
/// Text is kept as `Character`s (grapheme clusters) so the cursor never splits "ü" or a CJK character.
public struct LineInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// The insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys a line field does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where !c.isNewline:
            insert(String(c))
        case .paste(let text):
            insert(text.replacingNewlines())
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        default:
            return false
        }
        return true
    }

    public mutating func insert(_ text: String) {
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Columns before the cursor, for placing the terminal cursor.
    public var cursorColumn: Int { TextWidth.columns(of: String(characters[..<cursor])) }
}
