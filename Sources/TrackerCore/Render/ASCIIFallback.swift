import ActionPlanModel
import TerminalKit

/// `--ascii`: one cell-for-cell pass that replaces the symbols a plain terminal may lack.
///
/// The views draw box lines, arrows, bars and status symbols in many places; doing the fallback once on
/// the finished frame means no view can forget it. Every replacement is one column wide, like the
/// symbol it replaces, so the layout stays exactly as it was.
enum ASCIIFallback {
    static let replacements: [String: String] = {
        var table: [String: String] = [
            "·": ".", "›": ">", "‹": "<", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+",
            "▾": "v", "▸": ">", "█": "#", "░": "-", "⏎": "/", "•": "*",
            "↑": "^", "↓": "v", "←": "<", "→": ">",
            "–": "-", "—": "-", "×": "x", "“": "\"", "”": "\"", "‘": "'", "’": "'", "✓": "v", "…": "~", "≠": "!",
        ]
        for status in Status.allCases { table[status.symbol] = status.asciiSymbol }
        return table
    }()

    static func apply(to screen: inout Screen) {
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                if let plain = replacements[screen[x, y].text] { screen[x, y].text = plain }
            }
        }
    }
}
