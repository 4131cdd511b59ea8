import ActionPlanModel

/// The trend chart: implementation and coverage per pillar at each month end, as inline SVG.
///
/// One small panel per pillar and one for all pillars, on the same 0–100 % scale, so the panels compare
/// at a glance. Implementation is a solid line and coverage a dashed one (the difference survives
/// without colour); marks (reporting rounds) are dotted vertical lines with their label. The SVG has
/// a title and a description, and the same figures follow as a table for screen readers and for
/// anyone who wants the numbers.
enum TrendChart {
    static let panelWidth = 220, panelHeight = 170, plotLeft = 34, plotTop = 28, plotWidth = 172, plotHeight = 100
    static let implementationColour = "#0b5cad", coverageColour = "#d55e00", markColour = "#57606a"

    static func html(_ snapshot: StatusSnapshot) -> String {
        guard let trend = snapshot.trend else { return "" }
        var out = "<section class=\"trend\">\n<h2>Trend</h2>\n"
        guard let first = trend.points.first, let last = trend.points.last else {
            return out + "<p class=\"meta\">No status has been recorded for these States yet, so there is no trend to draw.</p>\n</section>\n"
        }
        out += "<p class=\"meta\">Implementation (solid line) and coverage (dashed line) at each month end, "
            + "\(HTMLText.escape(first.month)) to \(HTMLText.escape(last.month)) (the last point is the report's date), "
            + "over the \(Plural.count(snapshot.states.count, "State")) in this report.</p>\n"
        out += svg(trend, pillars: snapshot.pillars, marks: snapshot.marks)
        out += markList(snapshot.marks, trend: trend)
        out += table(trend, pillars: snapshot.pillars)
        return out + "</section>\n"
    }

    /// The panels: the pillars in scope, then "All pillars" when there is more than one.
    static func panels(_ trend: TrendSeries, pillars: [Pillar]) -> [(title: String, figures: [Progress])] {
        var result = pillars.map { pillar in (pillar.title, trend.points.map { $0.pillars[pillar.id] ?? Progress() }) }
        if pillars.count > 1 { result.append(("All pillars", trend.points.map(\.overall))) }
        return result
    }

    static func svg(_ trend: TrendSeries, pillars: [Pillar], marks: [ChartMark]) -> String {
        let panels = panels(trend, pillars: pillars)
        let width = panels.count * panelWidth + 10, height = panelHeight + 26
        let last = trend.points.last!
        let summary = panels.map { panel in
            "\(panel.title): implementation \(Progress.percent(panel.figures.last?.implementation)), "
                + "coverage \(Progress.percent(panel.figures.last?.coverage))"
        }.joined(separator: "; ")
        var out = "<svg class=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"trend-title trend-desc\">\n"
        out += "<title id=\"trend-title\">Implementation and coverage per pillar, month by month</title>\n"
        out += "<desc id=\"trend-desc\">\(trend.points.count) month end\(trend.points.count == 1 ? "" : "s") from "
            + "\(HTMLText.escape(trend.points[0].month)) to \(HTMLText.escape(last.month)). Latest: \(HTMLText.escape(summary)). "
            + "\(marks.isEmpty ? "No dates marked." : "Marked: " + marks.map { "\($0.date.day) \(HTMLText.escape($0.label))" }.joined(separator: "; ") + ".") "
            + "The table after the chart gives every figure.</desc>\n"
        out += "<style>text{font:11px system-ui,sans-serif;fill:#1b1f24}.t{font-weight:600;font-size:12px}.a{fill:#57606a}"
            + ".g{stroke:#d0d7de;stroke-width:1}.i{fill:none;stroke:\(implementationColour);stroke-width:2}"
            + ".c{fill:none;stroke:\(coverageColour);stroke-width:2;stroke-dasharray:5 3}"
            + ".m{stroke:\(markColour);stroke-width:1;stroke-dasharray:2 2}circle.i{fill:\(implementationColour)}"
            + "circle.c{fill:\(coverageColour);stroke:none}</style>\n"
        for (n, panel) in panels.enumerated() {
            out += "<g class=\"panel\" transform=\"translate(\(n * panelWidth + 4),0)\">\n"
            out += "<text class=\"t\" x=\"\(plotLeft)\" y=\"16\">\(HTMLText.escape(panel.title))</text>\n"
            for percent in [0, 50, 100] {
                let y = yFor(Double(percent) / 100)
                out += "<line class=\"g\" x1=\"\(plotLeft)\" y1=\"\(y)\" x2=\"\(plotLeft + plotWidth)\" y2=\"\(y)\"/>"
                out += "<text class=\"a\" x=\"\(plotLeft - 4)\" y=\"\(y + 4)\" text-anchor=\"end\">\(percent)%</text>\n"
            }
            out += "<text class=\"a\" x=\"\(plotLeft)\" y=\"\(plotTop + plotHeight + 16)\">\(HTMLText.escape(trend.points[0].month))</text>"
            if trend.points.count > 1 {
                out += "<text class=\"a\" x=\"\(plotLeft + plotWidth)\" y=\"\(plotTop + plotHeight + 16)\" text-anchor=\"end\">"
                    + "\(HTMLText.escape(last.month))</text>"
            }
            out += "\n"
            for mark in marks {
                guard let x = xFor(mark.date, in: trend) else { continue }
                out += "<line class=\"m\" x1=\"\(x)\" y1=\"\(plotTop - 4)\" x2=\"\(x)\" y2=\"\(plotTop + plotHeight)\">"
                    + "<title>\(mark.date.day) \(HTMLText.escape(mark.label))</title></line>"
                out += "<text class=\"a\" x=\"\(x + 2)\" y=\"\(plotTop + 6)\">\(HTMLText.escape(shortLabel(mark.label)))</text>\n"
            }
            out += series(panel.figures.map(\.coverage), className: "c", name: "coverage")
            out += series(panel.figures.map(\.implementation), className: "i", name: "implementation")
            let latest = "impl. \(Progress.percent(panel.figures.last?.implementation)) · cov. \(Progress.percent(panel.figures.last?.coverage))"
            out += "<text class=\"a\" x=\"\(plotLeft)\" y=\"\(plotTop + plotHeight + 32)\">\(latest)</text>\n"
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// A line through the months that have a figure; a month without one (nothing weighed yet) breaks
    /// the line rather than drawing a 0 % that nobody recorded. A lone point is a dot.
    static func series(_ values: [Double?], className: String, name: String) -> String {
        var out = "", run: [String] = []
        func flush() {
            if run.count == 1 {
                let xy = run[0].split(separator: ",")
                out += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" class=\"\(className)\"/>"
            } else if run.count > 1 {
                out += "<polyline class=\"\(className)\" points=\"\(run.joined(separator: " "))\"><title>\(name)</title></polyline>"
            }
            run = []
        }
        for (i, value) in values.enumerated() {
            guard let value else { flush(); continue }
            run.append("\(format(xFor(index: i, count: values.count))),\(yFor(value))")
        }
        flush()
        return out + "\n"
    }

    static func xFor(index: Int, count: Int) -> Double {
        count <= 1 ? Double(plotLeft + plotWidth) : Double(plotLeft) + Double(plotWidth) * Double(index) / Double(count - 1)
    }

    /// Where a marked date falls between the month ends around it; nil outside the chart's months.
    static func xFor(_ date: Timestamp, in trend: TrendSeries) -> Int? {
        let points = trend.points
        guard let last = points.last, date <= last.instant,
              let start = Timestamp.day(String(points[0].month) + "-01"), date >= start else { return nil }
        guard let after = points.firstIndex(where: { date <= $0.instant }) else { return nil }
        if after == 0 || points.count == 1 { return Int(xFor(index: 0, count: points.count).rounded()) }
        let from = points[after - 1].instant.milliseconds, to = points[after].instant.milliseconds
        let fraction = Double(date.milliseconds - from) / Double(max(1, to - from))
        return Int(xFor(index: after - 1, count: points.count) + fraction * (xFor(index: after, count: points.count)
                                                                            - xFor(index: after - 1, count: points.count)))
    }

    static func yFor(_ value: Double) -> Int { plotTop + Int((Double(plotHeight) * (1 - max(0, min(1, value)))).rounded()) }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }

    /// A mark's label cut to fit above a panel (the full label is in its tooltip, the description and the list).
    static func shortLabel(_ label: String) -> String { label.count > 14 ? String(label.prefix(13)) + "…" : label }

    static func markList(_ marks: [ChartMark], trend: TrendSeries) -> String {
        guard !marks.isEmpty else { return "" }
        return "<p class=\"meta\">Marked: " + marks.map { mark in
            "\(mark.date.day) \(HTMLText.escape(mark.label))" + (xFor(mark.date, in: trend) == nil ? " (outside the chart)" : "")
        }.joined(separator: " · ") + "</p>\n"
    }

    /// The chart's figures as a table, newest month first.
    static func table(_ trend: TrendSeries, pillars: [Pillar]) -> String {
        let panels = panels(trend, pillars: pillars)
        var out = "<details class=\"trend-table\"><summary>The trend as a table</summary>\n<table>\n<thead><tr><th>Month end</th>"
        for panel in panels {
            out += "<th class=\"num\">\(HTMLText.escape(panel.title)): implementation</th><th class=\"num\">coverage</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for i in trend.points.indices.reversed() {
            out += "<tr><td>\(HTMLText.escape(trend.points[i].month))</td>"
            for panel in panels {
                out += "<td class=\"num\">\(Progress.percent(panel.figures[i].implementation))</td>"
                    + "<td class=\"num\">\(Progress.percent(panel.figures[i].coverage))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</details>\n"
    }
}
