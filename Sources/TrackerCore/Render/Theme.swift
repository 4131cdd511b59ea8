import ActionPlanModel
import TerminalKit

/// Styles and symbols, decided once from the options so every view draws status the same way.
///
/// Each status has a colour and an attribute; with colours off only the attribute and the symbol
/// remain, which is why the symbols differ in shape and "implemented" is bold.
struct Theme {
    let colors: Bool
    let ascii: Bool
    let name: ThemeName

    init(_ options: AppOptions) {
        colors = options.colors
        ascii = options.ascii
        name = options.theme
    }

    func symbol(_ status: Status) -> String { ascii ? status.asciiSymbol : status.symbol }

    func style(_ status: Status) -> Style {
        var style = Style.plain
        switch status {
        case .notAssessed: style.dim = true
        case .notStarted: style.foreground = .red
        case .inProgress: style.foreground = .yellow
        case .partiallyImplemented: style.foreground = .cyan
        case .implemented: style.foreground = .green; style.bold = true
        case .notApplicable: style.foreground = .magenta; style.dim = true
        }
        switch name {
        case .standard: break
        case .highContrast: style.dim = false
        case .colourBlind:
            // Okabe–Ito's lesson on eight colours: no red–green pair; blue for done, magenta for not begun.
            switch status {
            case .notStarted: style.foreground = .magenta
            case .implemented: style.foreground = .blue
            case .notApplicable: style.foreground = .default
            default: break
            }
        }
        return colors ? style : Style(bold: style.bold, dim: style.dim)
    }

    func tint(_ color: Color, bold: Bool = false) -> Style {
        colors ? Style(foreground: color, bold: bold) : Style(bold: bold)
    }

    var header: Style { colors ? Style(foreground: .black, background: .cyan) : Style(reverse: true) }
    var selected: Style { name == .highContrast ? Style(bold: true, reverse: true) : Style(reverse: true) }
    var title: Style { Style(bold: true) }
    var dim: Style { name == .highContrast ? .plain : Style(dim: true) }
    var error: Style { colors ? Style(foreground: .red, bold: true) : Style(bold: true, reverse: true) }
    var success: Style { colors ? Style(foreground: .green, bold: true) : Style(bold: true) }
    var mark: Style { colors ? Style(foreground: .yellow, bold: true) : Style(bold: true) }
    /// An action in conflict: a glyph of its own (`≠`, `!` with --ascii) in a colour of its own, so
    /// it is never told by colour alone.
    var conflict: Style { colors ? Style(foreground: .magenta, bold: true) : Style(bold: true) }
    var conflictGlyph: String { "≠" }
    /// Every row a search matches (the current one is also the selected row).
    var match: Style { colors ? Style(foreground: .yellow, underline: true) : Style(underline: true) }

    /// A horizontal bar of `width` cells filled to `fraction`; empty cells dotted so 0 % stays visible.
    func bar(_ fraction: Double?, width: Int) -> String {
        guard width > 0 else { return "" }
        guard let fraction else { return String(repeating: ascii ? "." : "·", count: width) }
        let filled = min(width, max(0, Int((fraction * Double(width)).rounded())))
        return String(repeating: ascii ? "#" : "█", count: filled) + String(repeating: ascii ? "-" : "░", count: width - filled)
    }

    /// The status that best describes a set of actions, for one matrix cell of an area.
    func summaryStatus(_ progress: Progress) -> Status {
        if progress.assessed == 0 { return .notAssessed }
        guard let value = progress.implementation else { return .notApplicable }
        switch value {
        case ..<(1.0 / 6): return .notStarted
        case ..<0.5: return .inProgress
        case ..<(5.0 / 6): return .partiallyImplemented
        default: return .implemented
        }
    }

    // MARK: - Box drawing

    var horizontal: String { ascii ? "-" : "─" }
    var vertical: String { ascii ? "|" : "│" }
    var corners: (String, String, String, String) { ascii ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘") }
    var expandedMarker: String { ascii ? "v" : "▾" }
    var collapsedMarker: String { ascii ? ">" : "▸" }
    var arrow: String { ascii ? "->" : "→" }
}
