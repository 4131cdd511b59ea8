import Foundation
import TestSupport
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The HTML report parsed by a real HTML parser (Python's `html.parser`) and rendered by headless Chromium.
@Suite struct HTMLReportTests {
    let html = HTMLReport.write(ExportFixture.snapshot())

    /// Collects elements, attributes and text; the checks below then read like the report's promises.
    static let inspector = """
        import json, sys
        from html.parser import HTMLParser
        class Inspect(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.tags, self.attrs, self.text, self.stack = {}, [], [], []
            def handle_starttag(self, tag, attrs):
                self.tags[tag] = self.tags.get(tag, 0) + 1
                self.attrs += [[tag, k, v or ""] for k, v in attrs]
            def handle_data(self, data):
                self.text.append(data)
        p = Inspect()
        p.feed(sys.stdin.read())
        p.close()
        print(json.dumps({"tags": p.tags, "attrs": p.attrs, "text": "".join(p.text)}))
        """

    struct Parsed: Decodable {
        var tags: [String: Int]
        var attrs: [[String]]
        var text: String
    }

    func parse(_ bytes: [UInt8]) throws -> Parsed {
        let out = try Python.run(Self.inspector, input: bytes)
        #expect(out.status == 0, "\(out.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(out.stdout.utf8))
    }

    @Test func hostileNoteIsTextNotScript() throws {
        let parsed = try parse(html)
        #expect(parsed.tags["script"] == nil)
        #expect(parsed.text.contains(ExportFixture.scriptNote))
        #expect(parsed.text.contains(ExportFixture.hyperlinkNote))
        #expect(parsed.text.contains("Draft plan, \"phase 1\"second line; Ünïcödé — 東京"))  // <br> between the lines
    }

    @Test func selfContainedNothingFetched() throws {
        let parsed = try parse(html)
        for tag in ["script", "link", "img", "iframe", "object", "embed"] { #expect(parsed.tags[tag] == nil, "\(tag)") }
        #expect(parsed.tags["style"] == 3)  // the page's, the heatmap's and the trend chart's own
        #expect(parsed.tags["svg"] == 2)
        // Links to evidence are followed only when a reader clicks them: never fetched, never a script.
        let fetching = parsed.attrs.filter { ["src", "href", "action"].contains($0[1]) && !$0[2].hasPrefix("#") && $0[0] != "a" }
        #expect(fetching.isEmpty, "\(fetching)")
        let links = parsed.attrs.filter { $0[0] == "a" && $0[1] == "href" && !$0[2].hasPrefix("#") }
        #expect(links.map { $0[2] } == ["https://example.org/xa/plan.pdf"])
        #expect(parsed.attrs.filter { $0[0] == "a" && $0[1] == "rel" }.map { $0[2] } == ["noopener noreferrer"])
        #expect(parsed.attrs.allSatisfy { !$0[1].hasPrefix("on") })
        let text = String(decoding: html, as: UTF8.self)
        #expect(!text.contains("url("))
        #expect(!text.contains("@import"))
    }

    @Test func heatmapHasOneCellPerStateAndColumn() throws {
        let parsed = try parse(html)
        // 2 States × (4 pillars + overall) cells; each labelled with its percentage.
        #expect(parsed.attrs.filter { $0 == ["rect", "class", "cell"] }.count == 10)
        #expect(parsed.text.contains("Avalonia (XA)"))
    }

    @Test func stateNamesAndAuthorsAreEscapedToo() throws {
        var tracker = ExportFixture.tracker
        tracker.record(ExportFixture.event("x1", "2026-03-03T00:00:00.000Z", "XB", "PT-1", .notStarted,
                                           by: "<img src=x onerror=alert(1)>"))
        let snapshot = StatusSnapshot(tracker: tracker, scope: ExportScope(), asOf: nil, changesFrom: nil,
                                      generatedAt: ExportFixture.generatedAt, storeFormat: 1)
        let parsed = try parse(HTMLReport.write(snapshot))
        #expect(parsed.tags["img"] == nil)
        #expect(parsed.text.contains("<img src=x onerror=alert(1)>"))
    }

    // MARK: - Pictures for reviewers

    @Test func heatmapHasALegendForEveryShade() throws {
        let parsed = try parse(html)
        // Six bands and "no figure", each a swatch with its words, so the legend reads without colour.
        #expect(parsed.tags["rect"] == 10 + 7)
        for band in ["0–17%", "17–33%", "33–50%", "50–67%", "67–83%", "83–100%", "– no figure"] {
            #expect(parsed.text.contains(band), "\(band)")
        }
        for (fill, _) in Heatmap.steps.map({ ($0, 0) }) {
            #expect(parsed.attrs.contains(["rect", "fill", fill]), "\(fill)")
        }
    }

    @Test func trendChartIsAnAccessibleSVGWithATable() throws {
        let parsed = try parse(html)
        let text = String(decoding: html, as: UTF8.self)
        #expect(parsed.attrs.contains(["svg", "class", "trend-chart"]))
        #expect(parsed.attrs.contains(["svg", "aria-labelledby", "trend-title trend-desc"]))
        #expect(text.contains("<title id=\"trend-title\">Implementation and coverage per pillar, month by month</title>"))
        #expect(text.contains("<desc id=\"trend-desc\">3 month ends from 2026-01 to 2026-03."))
        // One panel per pillar and one for all pillars; each draws implementation and coverage.
        #expect(parsed.attrs.filter { $0 == ["g", "class", "panel"] }.count == 5)
        // Protection has no implementation figure (its one action is not applicable): no line, not a 0 % line.
        // Partnerships has one only in the last month: a dot.
        #expect(parsed.attrs.filter { $0 == ["polyline", "class", "i"] }.count == 3)
        #expect(parsed.attrs.filter { $0 == ["polyline", "class", "c"] }.count == 5)
        #expect(parsed.attrs.contains(["circle", "class", "i"]))
        // The table gives every figure, newest month first: Prevention was 67 % with half assessed all along.
        #expect(parsed.text.contains("2026-0367%50%67%50%–50%33%50%58%50%"))
        #expect(parsed.text.contains("2026-0167%50%0%50%–0%–0%44%30%"))
    }

    @Test func marksAreDrawnAndEscaped() throws {
        let parsed = try parse(html)
        let text = String(decoding: html, as: UTF8.self)
        #expect(parsed.attrs.filter { $0 == ["line", "class", "m"] }.count == 5)
        #expect(parsed.text.contains("Marked: 2026-02-01 Round <1> & \"A\""))
        #expect(text.contains("Round &lt;1&gt; &amp; &quot;A&quot;"))
        #expect(!text.contains("Round <1>"))
        // A mark outside the months drawn is listed, not drawn.
        var snapshot = ExportFixture.snapshot()
        snapshot.marks = [ChartMark(date: Timestamp.day("2027-06-30")!, label: "2027 survey")]
        let later = try parse(HTMLReport.write(snapshot))
        #expect(later.attrs.filter { $0 == ["line", "class", "m"] }.isEmpty)
        #expect(later.text.contains("Marked: 2027-06-30 2027 survey (outside the chart)"))
    }

    @Test func noTrendWithoutHistory() throws {
        var snapshot = ExportFixture.snapshot()
        snapshot.trend = TrendSeries(pillarIDs: [], points: [])
        #expect(try parse(HTMLReport.write(snapshot)).text.contains("No status has been recorded for these States yet"))
        snapshot.trend = nil
        let parsed = try parse(HTMLReport.write(snapshot))
        #expect(parsed.tags["svg"] == 1)
        #expect(!parsed.text.contains("Trend"))
    }

    @Test func mostAndLeastImplementedActionsWithCounts() throws {
        let parsed = try parse(html)
        let text = String(decoding: html, as: UTF8.self)
        #expect(parsed.text.contains("Actions across States"))
        // PV-1 is implemented in 1 of 2 States; the rest in none (PT-1 applies only to one).
        let most = try #require(text.range(of: "<caption>Most implemented</caption>"))
        let least = try #require(text.range(of: "<caption>Least implemented</caption>"))
        let mostRows = text[most.upperBound..<least.lowerBound].components(separatedBy: "<td class=\"id\">").dropFirst().map { $0.prefix(4) }
        #expect(mostRows == ["PV-1", "PR-1", "PV-2"])
        #expect(text[most.upperBound...].contains("<td class=\"num\">1 of 2</td>"))
        #expect(parsed.text.contains("Least implemented"))
    }

    @Test func actionTitlesInTheRankingAreEscaped() throws {
        var snapshot = ExportFixture.snapshot()
        for s in snapshot.states.indices {
            for r in snapshot.states[s].rows.indices { snapshot.states[s].rows[r].actionTitle = "<b>bold</b>" }
        }
        snapshot.pillars = snapshot.pillars.map { pillar in
            var pillar = pillar
            pillar.areas = pillar.areas.map { area in
                var area = area
                area.actions = area.actions.map { var a = $0; a.title = "<img src=x onerror=alert(1)>"; return a }
                return area
            }
            return pillar
        }
        let parsed = try parse(HTMLReport.write(snapshot))
        #expect(parsed.tags["img"] == nil)
        #expect(parsed.tags["b"] == nil)
        #expect(parsed.text.contains("<img src=x onerror=alert(1)>"))
    }

    @Test func statesWithNoDataCanBeLeftOut() throws {
        let withPartners = ExportScope(includePartners: true)
        let all = ExportFixture.snapshot(scope: withPartners)
        #expect(all.states.map(\.participant.code) == ["XA", "XB", "XP"])
        let kept = ExportFixture.snapshot(scope: withPartners, omitEmptyStates: true)
        #expect(kept.states.map(\.participant.code) == ["XA", "XB"])
        #expect(kept.metadata.omittedStates.map(\.code) == ["XP"])
        let parsed = try parse(HTMLReport.write(kept))
        #expect(parsed.text.contains("Left out: 1 State with no data recorded (Partneria (XP))."))
        #expect(!parsed.attrs.contains(["section", "id", "state-XP"]))
        #expect(try parse(HTMLReport.write(all)).attrs.contains(["section", "id", "state-XP"]))
        // The trend covers the States kept: coverage is over 2 States, not 3.
        #expect(kept.trend?.points.last?.overall.trackable == 2 * 5)
        #expect(all.trend?.points.last?.overall.trackable == 3 * 5)
        // Every format leaves them out; the Markdown report names them.
        #expect(!String(decoding: StatusCSV.write(kept), as: UTF8.self).contains("XP,"))
        #expect(String(decoding: MarkdownReport.write(kept), as: UTF8.self).contains("- Left out (no data recorded): Partneria (XP)\n"))
        // A note alone is data: the State stays.
        var tracker = ExportFixture.tracker
        tracker.record(ExportFixture.event("n1", "2026-03-05T00:00:00.000Z", "XP", "PV-1", nil, note: "asked the ministry", by: "alice"))
        let noted = StatusSnapshot(tracker: tracker, scope: withPartners, asOf: nil, changesFrom: nil,
                                   generatedAt: ExportFixture.generatedAt, storeFormat: 1, omitEmptyStates: true)
        #expect(noted.states.map(\.participant.code) == ["XA", "XB", "XP"])
        // As of a date before anything was recorded, every State is left out.
        let early = ExportFixture.snapshot(asOf: Timestamp.endOfDay("2025-12-31"), scope: withPartners, omitEmptyStates: true)
        #expect(early.states.isEmpty)
        #expect(try parse(HTMLReport.write(early)).text.contains("Left out: 3 States with no data recorded"))
    }

    /// Each SVG of the report as a standalone `.svg` file in Chromium: an SVG that is not well-formed XML
    /// shows a `parsererror` instead of the drawing.
    @Test(.enabled(if: Chromium.enabled, "needs chromium and CI=true or CHROMIUM_TESTS=1"))
    func chromiumParsesBothSVGsAndTheReport() throws {
        let folder = NSTemporaryDirectory() + "export-chromium-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = String(decoding: html, as: UTF8.self)
        let svgs = text.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 2)
        for (n, svg) in svgs.enumerated() {
            let path = folder + "/figure\(n).svg"
            try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
            let dom = try Chromium.dumpDOM(path, profile: folder + "/profile")
            #expect(!dom.contains("parsererror"), "\(dom.prefix(400))")
            #expect(dom.contains("<rect") || dom.contains("<polyline"))
        }
        // A broken SVG is caught the same way (the check can fail).
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a & b</text></svg>".utf8).write(to: URL(fileURLWithPath: folder + "/broken.svg"))
        #expect(try Chromium.dumpDOM(folder + "/broken.svg", profile: folder + "/profile").contains("parsererror"))
        // The report itself: Chromium's DOM has both figures, the trend's panels and the legend.
        try Data(html).write(to: URL(fileURLWithPath: folder + "/report.html"))
        let dom = try Chromium.dumpDOM(folder + "/report.html", profile: folder + "/profile")
        #expect(dom.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(dom.components(separatedBy: "class=\"panel\"").count - 1 == 5)
        #expect(dom.contains("<desc id=\"trend-desc\">"))
        #expect(dom.contains("class=\"legend\""))
    }

    /// Renders the report with headless Chromium; enabled by `.ci/run` (CI=true or CHROMIUM_TESTS=1).
    @Test(.enabled(if: Chromium.enabled, "needs chromium and CI=true or CHROMIUM_TESTS=1"))
    func rendersToPNG() throws {
        let folder = NSTemporaryDirectory() + "export-chromium-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(html).write(to: URL(fileURLWithPath: folder + "/report.html"))
        let png = try Chromium.screenshot(folder + "/report.html", to: folder + "/report.png", profile: folder + "/profile")
        #expect(png.count > 10_000, "a blank page compresses to a few hundred bytes")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// Printed, each State starts on its own page. The report is kept tiny (one pillar, no changes in
    /// the period) so that without the page breaks everything would fit on one page.
    @Test(.enabled(if: Chromium.enabled, "needs chromium and CI=true or CHROMIUM_TESTS=1"))
    func printsEachStateOnItsOwnPage() throws {
        let folder = NSTemporaryDirectory() + "export-chromium-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tiny = StatusSnapshot(tracker: ExportFixture.tracker, scope: ExportScope(pillar: "partnerships"), asOf: nil,
                                  changesFrom: Timestamp.day("2027-01-01"), generatedAt: ExportFixture.generatedAt, storeFormat: 1)
        try Data(HTMLReport.write(tiny)).write(to: URL(fileURLWithPath: folder + "/report.html"))
        let pdf = try Chromium.printToPDF(folder + "/report.html", to: folder + "/report.pdf", profile: folder + "/profile")
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        #expect(pages == 1 + tiny.states.count, "\(pages) page(s)")
    }
}

/// Finds and runs a headless Chromium.
enum Chromium {
    static var binary: String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in ["/usr/bin", "/usr/local/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static var enabled: Bool {
        let env = ProcessInfo.processInfo.environment
        return binary != nil && (env["CI"] == "true" || env["CHROMIUM_TESTS"] == "1")
    }

    static func screenshot(_ html: String, to png: String, profile: String) throws -> Data {
        try run(["--hide-scrollbars", "--window-size=1200,1600", "--screenshot=\(png)"], html, profile: profile)
        return FileManager.default.contents(atPath: png) ?? Data()
    }

    /// The document as Chromium parsed it (`--dump-dom`).
    static func dumpDOM(_ file: String, profile: String) throws -> String {
        let result = try Spawn.run([binary!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                                    "--dump-dom", URL(fileURLWithPath: file).absoluteString], environment: Spawn.environment())
        return result.stdout
    }

    static func printToPDF(_ html: String, to pdf: String, profile: String) throws -> Data {
        try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)"], html, profile: profile)
        return FileManager.default.contents(atPath: pdf) ?? Data()
    }

    private static func run(_ options: [String], _ html: String, profile: String) throws {
        _ = try Spawn.run([binary!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"]
                          + options + [URL(fileURLWithPath: html).absoluteString], environment: Spawn.environment())
    }
}

/// Evidence references that are web addresses become links; nothing else does.
struct EvidenceLinkTests {
    @Test(arguments: [
        ("https://example.org/a?b=1&c=2", "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">https://example.org/a?b=1&amp;c=2</a>"),
        ("HTTP://EXAMPLE.ORG", "<a href=\"HTTP://EXAMPLE.ORG\" rel=\"noopener noreferrer\">HTTP://EXAMPLE.ORG</a>"),
        ("https://x.example/\"><script>", "<a href=\"https://x.example/&quot;&gt;&lt;script&gt;\" rel=\"noopener noreferrer\">https://x.example/&quot;&gt;&lt;script&gt;</a>"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("https://a.example/with space", "https://a.example/with space"),
        ("Decree 12/2026; art. 3", "Decree 12/2026; art. 3"),
    ])
    func links(_ reference: String, _ html: String) {
        #expect(EvidenceLink.html(reference) == html)
    }
}
