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
        #expect(output == "ok 3 4 2\n")
    }
}
