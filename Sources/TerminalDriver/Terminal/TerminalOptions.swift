/// How the driver should use the terminal: colour and mouse.
///
/// Colour follows the no-color.org convention: `NO_COLOR` set to any non-empty value (or `--no-color`)
/// turns it off, and the interface then relies on symbols, bold and reverse, which every terminal has.
public struct TerminalOptions: Sendable, Equatable {
    public var color: Bool
    public var mouse: Bool

    public init(color: Bool = true, mouse: Bool = true) {
        self.color = color
        self.mouse = mouse
    }

    /// Options from the environment and the command line: `NO_COLOR` non-empty or `noColorFlag` disables colour.
    public static func resolve(environment: [String: String], noColorFlag: Bool) -> TerminalOptions {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalOptions(color: !(noColor || noColorFlag), mouse: true)
    }
}
