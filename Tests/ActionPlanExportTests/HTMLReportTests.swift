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
        #expect(parsed.tags["style"] == 2)  // the page's and the heatmap's own
        #expect(parsed.tags["svg"] == 1)
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
        #expect(parsed.tags["rect"] == 10)
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
