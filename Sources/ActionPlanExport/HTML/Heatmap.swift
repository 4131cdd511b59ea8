import ActionPlanModel

/// An inline SVG heatmap: one row per State, one column per pillar plus "Overall", shaded by implementation.
///
/// Drawn as SVG rather than an HTML table so it scales and prints as one figure; each cell carries its
/// percentage (or "–" when nothing was assessed) so the chart reads without colour. A legend under the
/// rows gives each shade's band.
enum Heatmap {
    static let labelWidth = 190, cellWidth = 104, cellHeight = 22, headerHeight = 30, legendHeight = 44
    static let steps = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]

    static func svg(_ snapshot: StatusSnapshot) -> String {
        let columns = snapshot.pillars.map(\.title) + ["Overall"]
        let width = labelWidth + columns.count * cellWidth
        let height = headerHeight + snapshot.states.count * cellHeight + 4 + legendHeight
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
                out += "<rect class=\"cell\" x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(fill)\"/>"
                out += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 15)\" text-anchor=\"middle\" fill=\"\(ink)\">\(Progress.percent(value))</text>\n"
            }
        }
        out += legend(y: headerHeight + snapshot.states.count * cellHeight + 14, width: width)
        return out + "</svg>\n"
    }

    /// One swatch per band of the scale, then "no figure"; each band includes its lower bound.
    static func legend(y: Int, width: Int) -> String {
        var out = "<g class=\"legend\" role=\"list\" aria-label=\"Legend: implementation bands\">\n"
        out += "<text x=\"4\" y=\"\(y + 12)\">Implementation</text>\n"
        let swatch = 70, x0 = labelWidth
        let bands = bands() + [("#eeeeee", "#57606a", "– no figure")]
        for (i, band) in bands.enumerated() {
            let x = x0 + i * (swatch + 4)
            guard x + swatch <= width else { break }
            out += "<g role=\"listitem\"><rect x=\"\(x)\" y=\"\(y)\" width=\"\(swatch)\" height=\"16\" fill=\"\(band.fill)\"/>"
                + "<text x=\"\(x + swatch / 2)\" y=\"\(y + 12)\" text-anchor=\"middle\" fill=\"\(band.ink)\">\(band.label)</text></g>\n"
        }
        out += "<text x=\"\(x0)\" y=\"\(y + 30)\" fill=\"#57606a\">each band includes its lower bound; "
            + "– : nothing applicable assessed</text>\n"
        return out + "</g>\n"
    }

    /// The scale's bands as (fill, ink, "0–17%"): band i holds the figures from i/6 up to (i+1)/6.
    static func bands() -> [(fill: String, ink: String, label: String)] {
        steps.indices.map { i in
            let (low, high) = (Int((Double(i) * 100 / Double(steps.count)).rounded()),
                               Int((Double(i + 1) * 100 / Double(steps.count)).rounded()))
            let (fill, ink) = colours(Double(i) / Double(steps.count))
            return (fill, ink, "\(low)–\(high)%")
        }
    }

    /// A sequential blue scale (readable by colour-blind readers), grey for "no figure".
    static func colours(_ value: Double?) -> (fill: String, ink: String) {
        guard let value else { return ("#eeeeee", "#57606a") }
        let index = min(steps.count - 1, Int(value * Double(steps.count)))
        return (steps[index], index >= 4 ? "#ffffff" : "#1b1f24")
    }
}
