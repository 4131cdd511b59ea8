import CNcurses
import TerminalKit

/// Maps a `Style` to ncurses attributes and a colour pair.
///
/// `alloc_pair` finds or creates the pair for a (foreground, background) combination, so there is no
/// pair table to keep in step with the styles `render` happens to use; the small cache only saves the
/// lookup. Without colour every style keeps its attributes and uses pair 0.
struct StylePalette {
    let colorEnabled: Bool
    private var pairs: [ColorKey: Int32] = [:]

    private struct ColorKey: Hashable {
        var foreground: Color
        var background: Color
    }

    init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// The attributes (bold, reverse, underline, dim) and the colour pair for `style`.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
        var attributes = ap_a_normal()
        if style.bold { attributes |= ap_a_bold() }
        if style.reverse { attributes |= ap_a_reverse() }
        if style.underline { attributes |= ap_a_underline() }
        if style.dim { attributes |= ap_a_dim() }
        return (attributes, pair(for: style))
    }

    private mutating func pair(for style: Style) -> Int32 {
        guard colorEnabled, style.foreground != .default || style.background != .default else { return 0 }
        let key = ColorKey(foreground: style.foreground, background: style.background)
        if let known = pairs[key] { return known }
        let allocated = alloc_pair(Int32(style.foreground.rawValue), Int32(style.background.rawValue))
        let pair = allocated > 0 && allocated <= Int32(Int16.max) ? allocated : 0
        pairs[key] = pair
        return pair
    }
}
