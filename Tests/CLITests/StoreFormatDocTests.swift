import Testing
import Foundation
import TestSupport

/// docs/store-format.md stays true: what the binary writes validates against the schemas printed there.
@Suite("Docs: the store format's JSON Schemas describe the real files")
struct StoreFormatDocTests {
    @Test("store.json and every journal line validate against the schemas in docs/store-format.md")
    func schemasMatchFiles() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        try cli.run("set", "AT", "AP03-III-1-a", "implemented", "--note", "n", "--evidence", "e1")
        try cli.run("set", "AT", "AP03-III-1-b", "not-started")
        try cli.run("followup", "AT", "AP03-III-1-b", "2099-03-31", "--owner", "alice")
        try cli.run("followup", "AT", "AP03-III-1-b", "--clear")
        try cli.run("officers", "add", "alice")
        try cli.run("officers", "assign", "alice", "AT")
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/store-format.md").path
        let script = """
            import json, re, sys
            import jsonschema
            doc = open(sys.argv[1], encoding="utf-8").read()
            schemas = {}
            for block in re.findall(r"```json\\n(.*?)```", doc, re.S):
                value = json.loads(block)
                if isinstance(value, dict) and "$id" in value:
                    schemas[value["$id"]] = value
            store = sys.argv[2]
            jsonschema.validate(json.load(open(store + "/store.json")), schemas["actionplan/store.schema.json"])
            lines = open(store + "/states/AT.jsonl", encoding="utf-8").read().splitlines()
            for line in lines:
                jsonschema.validate(json.loads(line), schemas["actionplan/event.schema.json"])
            office = open(store + "/office.jsonl", encoding="utf-8").read().splitlines()
            for line in office:
                jsonschema.validate(json.loads(line), schemas["actionplan/officer-record.schema.json"])
            print("ok", len(schemas), len(lines), len(office))
            """
        let result = try Spawn.run(["python3", "-c", script, doc, cli.store], environment: Spawn.environment())
        #expect(result.status == 0)
        let output = result.stdout
        #expect(output.hasPrefix("ok ") && output.hasSuffix(" 2\n"), "\(output)\(result.stderr)")
    }

    @Test("round records validate against the round schema in docs/store-format.md")
    func roundRecordsMatchTheSchema() throws {
        let cli = try CLIRunner.initialised(); defer { cli.cleanUp() }
        try cli.run("round", "open", "2021 survey", "--opens", "2021-01-01", "--due", "2021-06-30", "--allow-past")
        try cli.run("round", "close", "--at", "2021-06-30")
        try cli.run("round", "open", "2099 survey", "--due", "2099-06-30")
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/store-format.md").path
        let script = """
            import json, re, sys
            import jsonschema
            doc = open(sys.argv[1], encoding="utf-8").read()
            schemas = [json.loads(b) for b in re.findall(r"```json\\n(.*?)```", doc, re.S) if b.lstrip().startswith("{\\n")]
            schema = next(s for s in schemas if s.get("$id") == "actionplan/round.schema.json")
            lines = open(sys.argv[2] + "/office.jsonl", encoding="utf-8").read().splitlines()
            for line in lines:
                jsonschema.validate(json.loads(line), schema)
            bad = json.loads(lines[1]); del bad["at"]
            try:
                jsonschema.validate(bad, schema); print("accepted a close without at")
            except jsonschema.ValidationError:
                pass
            print("ok", len(lines))
            """
        let result = try Spawn.run(["python3", "-c", script, doc, cli.store], environment: Spawn.environment())
        #expect(result.stdout == "ok 3\n", "\(result.stdout)\(result.stderr)")
    }
}
