import Foundation
import TestSupport
import Testing

/// `catalog export|import|verify|unverify`: an office replaces the catalog and history follows.
/// Fictional States only (the store's states.json).
@Suite("CLI: a catalog an office can replace")
struct CatalogCLITests {
    func store() throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", ExportCLITests.states)
        return cli
    }

    /// Writes `text` beside the store (never inside it) and returns its path.
    func outside(_ cli: CLIRunner, _ name: String, _ text: String) throws -> String {
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    /// Every file of the store (checkpoints aside, which are caches) with its bytes.
    func snapshot(_ cli: CLIRunner) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: cli.store)
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
            let relative = String(url.path.dropFirst(root.path.count))
            guard !relative.contains("/.checkpoints"), !relative.hasSuffix(".lock"),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    /// The CSV export with one edit per line that starts with a key of `edits` (the new line(s)).
    func edit(_ csv: String, _ edits: [String: [String]]) -> String {
        csv.components(separatedBy: "\r\n").flatMap { line -> [String] in
            guard let key = edits.keys.first(where: { line.hasPrefix($0 + ",") }) else { return [line] }
            return edits[key]!.map { line.replacingOccurrences(of: key + ",", with: $0.components(separatedBy: "|")[0] + ",")
                .replacingOccurrences(of: "@TITLE@", with: "") }
        }.joined(separator: "\r\n")
    }

    // MARK: - The round trip of the issue

    @Test("export → edit (retitle, renumber, split with a mapping) → import → history and show follow the new ids")
    func roundTrip() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-b", "in-progress", "--by", "alice").status == 0)
        #expect(try cli.run("set", "XA", "AP03-IV-1-b", "implemented", "--by", "alice").status == 0)
        #expect(try cli.run("set", "XB", "AP03-IV-1-a", "not-started", "--by", "bob").status == 0)
        let csvPath = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/catalog.csv"
        let exported = try cli.run("catalog", "export", csvPath)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("(106 actions, csv)"))
        var csv = try read(csvPath)
        let b = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("AP03-IV-1-b,") })
        csv = csv.replacingOccurrences(of: b, with: b.replacingOccurrences(of: "AP03-IV-1-b,", with: "AP03-IV-1-b1,") + "\r\n"
            + b.replacingOccurrences(of: "AP03-IV-1-b,", with: "AP03-IV-1-b2,").replacingOccurrences(of: "Disaggregated statistics", with: "Statistics by age"))
        csv = csv.replacingOccurrences(of: "AP03-IV-1-a,prevention,prevention.data,National data collection on trafficking,",
                                       with: "AP03-IV-1-a,prevention,prevention.data,National data on trafficking,")
        csv = csv.replacingOccurrences(of: "protection.\",PC.DEC/557,IV,1,,false", with: "protection.\",PC.DEC/557,IV,1,2,false")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let map = try outside(cli, "map.csv", "old_id,new_id\nAP03-IV-1-b,AP03-IV-1-b1\nAP03-IV-1-b,AP03-IV-1-b2\n")

        let imported = try cli.run("catalog", "import", csvPath, "--renames", map, "--by", "carol")
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = imported.stdout.components(separatedBy: "\n")
        #expect(lines.contains("  split       AP03-IV-1-b  → AP03-IV-1-b1 + AP03-IV-1-b2"))
        #expect(lines.contains("  retitled    AP03-IV-1-a  \"National data collection on trafficking\" → \"National data on trafficking\""))
        #expect(lines.contains("  reference   AP03-IV-1-a  PC.DEC/557, ch. IV, sec. 1 → PC.DEC/557, ch. IV, sec. 1, para. 2"))
        #expect(imported.stdout.contains("0 added, 0 removed, 1 mapped, 1 retitled, 0 moved, 1 reference(s) changed; installed catalog osce-thb-action-plan "))
        #expect(imported.stdout.contains(" by carol"))

        // History follows: both new ids show the old events (never rewritten on disk).
        for id in ["AP03-IV-1-b1", "AP03-IV-1-b2"] {
            let history = try cli.run("history", "XA", "--action", id, "--format", "json")
            #expect(history.status == 0, "\(history.stderr)")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
            #expect(entries.count == 2)
        }
        let shown = try cli.run("show", "XA", "--pillar", "prevention").stdout.components(separatedBy: "\n")
        #expect(shown.contains { $0.contains("AP03-IV-1-b1") && $0.contains("implemented") && $0.contains("Disaggregated statistics") }, "\(shown)")
        #expect(shown.contains { $0.contains("AP03-IV-1-b2") && $0.contains("implemented") && $0.contains("Statistics by age") })
        let old = try cli.run("history", "XA", "--action", "AP03-IV-1-b")
        #expect(old.status == 64)
        #expect(old.stderr.contains("action 'AP03-IV-1-b' is no longer in the catalog; an installation mapped it to AP03-IV-1-b1, AP03-IV-1-b2, where its history shows"), "\(old.stderr)")
        #expect(try cli.file("states/XA.jsonl").contains("\"action\":\"AP03-IV-1-b\""))
        #expect(!(try cli.file("states/XA.jsonl")).contains("AP03-IV-1-b1"))
        let show = try cli.run("show", "XB")
        #expect(show.stdout.contains("National data on trafficking"))
        #expect(try cli.run("validate").status == 0)

        // store.json has the new version, office.jsonl the record.
        let version = try #require(imported.stdout.components(separatedBy: "installed catalog osce-thb-action-plan ").last?.components(separatedBy: " ").first)
        #expect(try cli.file("store.json").contains("\"version\": \"\(version)\""))
        #expect(try cli.file("office.jsonl").contains("\"renames\":[\"AP03-IV-1-b>AP03-IV-1-b1\",\"AP03-IV-1-b>AP03-IV-1-b2\"]"))
        // The new id continues the history: its next status is based on the old head and accepted.
        #expect(try cli.run("set", "XA", "AP03-IV-1-b2", "partially-implemented").status == 0)
        // Exporting again and importing gives the same catalog: nothing to install.
        #expect(try cli.run("catalog", "export", csvPath).status == 0)
        let again = try cli.run("catalog", "import", csvPath)
        #expect(again.stdout.contains("the file is the catalog in use; nothing to install"), "\(again.stdout)")
    }

    @Test("JSON export and import: an unchanged catalog installs nothing; the default `catalog` still prints the tree")
    func jsonUnchanged() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/catalog.json"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let result = try cli.run("catalog", "import", path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("nothing to install"))
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/catalog.json"))
        #expect(try cli.run("catalog").stdout.contains("0 of 106 references verified"))
        #expect(try cli.run("catalog", "--format", "json").status == 0)
    }

    // MARK: - Bad input

    @Test("a catalog with duplicate ids is refused at file:line:column; nothing is written")
    func duplicateIDs() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/catalog.json"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let json = try read(path).replacingOccurrences(of: "\"id\" : \"AP03-IV-1-b\"", with: "\"id\" : \"AP03-IV-1-a\"")
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let before = try snapshot(cli)
        let result = try cli.run("catalog", "import", path)
        #expect(result.status == 64)
        #expect(result.stderr.contains(path + ":"))
        let located = try #require(result.stderr.components(separatedBy: "\n").first { $0.contains("duplicate id") })
        #expect(located.range(of: #"^actionplan: error: .*catalog\.json:\d+:\d+: pillars\[0\]\.areas\[0\]\.actions\[1\]\.id: duplicate id 'AP03-IV-1-a' \(first used by pillars\[0\]\.areas\[0\]\.actions\[0\]\)$"#,
                                options: .regularExpression) != nil, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(try snapshot(cli) == before)
    }

    @Test("a mapping to an id the new catalog does not have is refused, naming the line")
    func mappingToUnknownID() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/c.csv"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let map = try outside(cli, "map.csv", "old_id,new_id\nAP03-IV-1-b,AP03-IV-1-c\nAP03-IV-1-b,AP03-IV-1-zz\nAP03-NOPE,AP03-IV-1-a\n")
        let before = try snapshot(cli)
        let result = try cli.run("catalog", "import", path, "--renames", map)
        #expect(result.status == 64)
        #expect(result.stderr.contains("map.csv: line 3: new id 'AP03-IV-1-zz' is not in the new catalog"), "\(result.stderr)")
        #expect(result.stderr.contains("map.csv: line 4: old id 'AP03-NOPE' is not in the catalog in use and has no history"))
        #expect(try snapshot(cli) == before)
    }

    @Test("a malformed CSV line is refused at its row and column")
    func malformedCSV() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/c.csv"
        #expect(try cli.run("catalog", "export", path).status == 0)
        var lines = try read(path).components(separatedBy: "\r\n")
        lines[3] = "AP03-IV-1-c,prevention,prevention.data,\"Unclosed title,x"
        try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try cli.run("catalog", "import", path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("c.csv: row 4, column D: text after the closing quote of a quoted cell"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
    }

    @Test("--dry-run shows the diff and changes nothing, byte for byte")
    func dryRun() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-d", "implemented").status == 0)
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/c.csv"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let csv = try read(path).components(separatedBy: "\r\n").filter { !$0.hasPrefix("AP03-IV-1-d,") }.joined(separator: "\r\n")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let before = try snapshot(cli)
        let result = try cli.run("catalog", "import", path, "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  removed     AP03-IV-1-d  \"Share data with other States and the OSCE\"  (history in XA: kept as orphans)"), "\(result.stdout)")
        #expect(result.stderr.contains("warning: AP03-IV-1-d is removed but has history in XA"))
        #expect(result.stdout.contains("; dry run, nothing written"))
        #expect(try snapshot(cli) == before)

        // Installed for real: the history stays reachable as orphans.
        #expect(try cli.run("catalog", "import", path).status == 0)
        let validate = try cli.run("validate")
        #expect(validate.stdout.contains("action 'AP03-IV-1-d', which the catalog does not have (orphans, kept): XA"), "\(validate.stdout)")

        // A later installation can still map the orphan id: its history shows again.
        let map = try outside(cli, "map.csv", "old_id,new_id\nAP03-IV-1-d,AP03-IV-1-c\n")
        let mapped = try cli.run("catalog", "import", path, "--renames", map)
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("  renamed     AP03-IV-1-d  → AP03-IV-1-c"))
        #expect(try cli.run("validate").status == 0)
        #expect(try cli.run("show", "XA", "--pillar", "prevention").stdout.components(separatedBy: "\n")
            .contains { $0.contains("AP03-IV-1-c") && $0.contains("implemented") })
    }

    @Test("a merge whose histories disagree is an open conflict on the merged action, resolved by recording its status")
    func mergeConflict() throws {
        let cli = try store(); defer { cli.cleanUp() }
        #expect(try cli.run("set", "XA", "AP03-IV-1-c", "implemented", "--by", "alice").status == 0)
        #expect(try cli.run("set", "XA", "AP03-IV-1-d", "not-started", "--by", "bob").status == 0)
        #expect(try cli.run("set", "XB", "AP03-IV-1-c", "in-progress", "--by", "bob").status == 0)
        #expect(try cli.run("set", "XB", "AP03-IV-1-d", "in-progress", "--by", "bob").status == 0)
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/c.csv"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let csv = try read(path).components(separatedBy: "\r\n").filter { !$0.hasPrefix("AP03-IV-1-c,") && !$0.hasPrefix("AP03-IV-1-d,") }
        let merged = "AP03-IV-1-cd,prevention,prevention.data,Research and data sharing,,PC.DEC/557,IV,1,,false,,participating-states"
        try Data((csv.prefix(4) + [merged] + csv.dropFirst(4)).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let map = try outside(cli, "map.csv", "old_id,new_id\nAP03-IV-1-c,AP03-IV-1-cd\nAP03-IV-1-d,AP03-IV-1-cd\n")
        let result = try cli.run("catalog", "import", path, "--renames", map)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  merged      AP03-IV-1-c + AP03-IV-1-d  → AP03-IV-1-cd"), "\(result.stdout)")
        // XA's two histories disagree: a conflict; XB's agree: none.
        let conflicts = try cli.run("conflicts", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(conflicts.stdout.utf8)) as? [[String: Any]], "\(conflicts.stdout)")
        #expect(list.map { "\($0["state"] ?? "") \($0["action"] ?? "")" } == ["XA AP03-IV-1-cd"])
        #expect(try cli.run("show", "XB", "--pillar", "prevention").stdout.components(separatedBy: "\n")
            .contains { $0.contains("AP03-IV-1-cd") && $0.contains("in-progress") })
        let resolve = try cli.run("set", "XA", "AP03-IV-1-cd", "partially-implemented", "--by", "carol")
        #expect(resolve.status == 0, "\(resolve.stderr)")
        #expect(resolve.stdout.contains("resolves the conflict"), "\(resolve.stdout)")
        let after = try cli.run("conflicts", "--format", "json").stdout
        #expect((try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [Any])?.isEmpty == true, "\(after)")
    }

    // MARK: - Verification

    @Test("a file cannot claim verified; catalog verify can; a changed reference lapses it; unverify withdraws it")
    func verification() throws {
        let cli = try store(); defer { cli.cleanUp() }
        let path = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/c.csv"
        #expect(try cli.run("catalog", "export", path).status == 0)
        let exported = try read(path)
        let claimed = exported.replacingOccurrences(of: "Collect and analyse information on trafficking cases, victims and offenders while respecting data protection.\",PC.DEC/557,IV,1,,false",
                                                    with: "Collect and analyse information on trafficking cases, victims and offenders while respecting data protection.\",PC.DEC/557,IV,1,,true")
        #expect(claimed != exported)
        try Data(claimed.utf8).write(to: URL(fileURLWithPath: path))
        let ignored = try cli.run("catalog", "import", path)
        #expect(ignored.stderr.contains("warning: AP03-IV-1-a: the file marks the reference verified, but no verification record matches it; ignored"), "\(ignored.stderr)")
        #expect(ignored.stdout.contains("nothing to install"))
        #expect(try cli.run("catalog").stdout.contains("0 of 106 references verified"))

        let verify = try cli.run("catalog", "verify", "AP03-IV-1-a", "--document", "PC.DEC/557, official PDF (osce.org)", "--by", "dora")
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout == "AP03-IV-1-a: 'PC.DEC/557, ch. IV, sec. 1' verified against 'PC.DEC/557, official PDF (osce.org)' by dora\n")
        #expect(try cli.file("office.jsonl").contains("\"kind\":\"catalog.verify\",\"action\":\"AP03-IV-1-a\",\"by\":\"dora\",\"document\":\"PC.DEC/557, official PDF (osce.org)\",\"reference\":\"PC.DEC/557, ch. IV, sec. 1\""))
        let tree = try cli.run("catalog").stdout
        #expect(tree.contains("1 of 106 references verified"))
        #expect(tree.contains("AP03-IV-1-a  National data collection on trafficking  — PC.DEC/557, ch. IV, sec. 1 (verified)"))
        let report = try cli.run("export", "--format", "json")
        #expect(report.stdout.contains("\"references\": 106, \"referencesVerified\": 1"), "\(report.stdout.prefix(600))")
        let html = try cli.run("export", "--format", "html")
        #expect(html.stdout.contains("1 of 106 references verified"))
        #expect(try cli.run("catalog", "verify", "AP03-IV-1-a", "--document", "PC.DEC/557, official PDF (osce.org)").stdout.contains("already verified"))
        let unknown = try cli.run("catalog", "verify", "AP03-IV-1-zz", "--document", "x")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown action 'AP03-IV-1-zz'"))

        // The reference changes in a new catalog: the diff says the verification no longer applies.
        let renumbered = exported.replacingOccurrences(of: "data protection.\",PC.DEC/557,IV,1,,false", with: "data protection.\",PC.DEC/557,IV,1,4,false")
        try Data(renumbered.utf8).write(to: URL(fileURLWithPath: path))
        let changed = try cli.run("catalog", "import", path)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stderr.contains("AP03-IV-1-a: the verification of "), "\(changed.stderr)")
        #expect(changed.stderr.contains("by dora checked 'PC.DEC/557, ch. IV, sec. 1'; the new reference is 'PC.DEC/557, ch. IV, sec. 1, para. 4', so it no longer applies"))
        #expect(try cli.run("catalog").stdout.contains("0 of 106 references verified"))

        // Verified again against the new reference, then withdrawn.
        #expect(try cli.run("catalog", "verify", "AP03-IV-1-a", "--document", "PC.DEC/557/Rev.1").status == 0)
        #expect(try cli.run("catalog").stdout.contains("1 of 106 references verified"))
        #expect(try cli.run("catalog", "unverify", "AP03-IV-1-a").stdout.contains("verification withdrawn"))
        #expect(try cli.run("catalog").stdout.contains("0 of 106 references verified"))
        #expect(try cli.run("catalog", "unverify", "AP03-IV-1-a").stdout.contains("has no verification; nothing written"))

        // The catalog's own history: installations and verifications, oldest first.
        let log = try cli.run("catalog", "log").stdout.components(separatedBy: "\n")
        #expect(log.filter { $0.contains("  cli-test  installed osce-thb-action-plan 2026.11.29+") }.count == 1, "\(log)")
        #expect(log.contains { $0.contains("  dora      verified AP03-IV-1-a 'PC.DEC/557, ch. IV, sec. 1' against 'PC.DEC/557, official PDF (osce.org)'") })
        #expect(log.contains { $0.contains("  cli-test  withdrew the verification of AP03-IV-1-a") })
        #expect(log.contains("4 catalog records"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("catalog", "log", "--format", "json").stdout.utf8)) as? [[String: Any]])
        #expect(json.map { $0["kind"] as? String } == ["catalog.verify", "catalog.install", "catalog.verify", "catalog.unverify"])
        #expect((json[0]["fields"] as? [String: Any])?["by"] as? String == "dora")
    }
}
