import ActionPlanModel

/// An inline SVG heatmap: one row per State, one column per pillar plus "Overall", shaded by implementation.
///
/// Drawn as SVG rather than an HTML table so it scales and prints as one figure; each cell carries its
/// percentage (or "–" when nothing was assessed) so the chart reads without colour.
enum Heatmap {
    static let labelWidth = 190, cellWidth = 104, cellHeight = 22, headerHeight = 30

    static func svg(_ snapshot: StatusSnapshot) -> String {
        let columns = snapshot.pillars.map(\.title) + ["Overall"]
        let width = labelWidth + columns.count * cellWidth
        let height = headerHeight + snapshot.states.count * cellHeight + 4
        var out = "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Implementation by State and pillar\">\n"
        out += "<style>text{font:12px system-ui,sans-serif}.h{font-weight:600}</style>\n"
        for (c, title) in columns.enumerated() {
            let x = labelWidth + c * cellWidth + cellWidth / 2
            out += "<text class=\"h\" x=\"\(x)\" y=\"20\" text-anchor=\"middle\">\(HTMLText.escape(title))</text>\n"
        }
        for (r, state) in snapshot.states.enumerated() {
            let y = headerHeight + r * cellHeight
            out += "<text x=\"4\" y=\"\(y + 15)\">\(HTMLText.escape(state.participant.name)) (\(HTMLText.escape(state.participant.code)))</text>\n"
            let values = snapshot.pillars.map { state.byPillar[$0.id]?.implementation } + [state.overall.implementation]
            for (c, value) in values.enumerated() {
                let x = labelWidth + c * cellWidth
                let (fill, ink) = colours(value)
                out += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(fill)\"/>"
                out += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 15)\" text-anchor=\"middle\" fill=\"\(ink)\">\(Progress.percent(value))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    /// A sequential blue scale (readable by colour-blind readers), grey for "no figure".
    static func colours(_ value: Double?) -> (fill: String, ink: String) {
        guard let value else { return ("#eeeeee", "#57606a") }
        let steps = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
        let index = min(steps.count - 1, Int(value * Double(steps.count)))
        return (steps[index], index >= 4 ? "#ffffff" : "#1b1f24")
    }
}
