/// How a cell looks: colours and attributes, independent of any terminal library.
///
/// The driver maps it onto ncurses colour pairs; under `NO_COLOR` it keeps only the attributes, which is
/// why every meaning is also carried by a symbol or by bold/reverse.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)

    public func with(foreground: Color) -> Style { var s = self; s.foreground = foreground; return s }
    public func with(background: Color) -> Style { var s = self; s.background = background; return s }
    public func withBold() -> Style { var s = self; s.bold = true; return s }
    public func withReverse() -> Style { var s = self; s.reverse = true; return s }
}

/// The eight ANSI colours plus the terminal's default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}
