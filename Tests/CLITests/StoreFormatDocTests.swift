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
        // Office records of the catalog (an installation with a mapping, a verification, its withdrawal).
        let csv = cli.store + "/../catalog.csv", map = cli.store + "/../map.csv"
        try cli.run("catalog", "export", csv)
        let edited = try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "\r\nAP03-III-1-b,", with: "\r\nAP03-III-1-b2,")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: csv))
        try Data("old_id,new_id\nAP03-III-1-b,AP03-III-1-b2\n".utf8).write(to: URL(fileURLWithPath: map))
        try cli.run("catalog", "import", csv, "--renames", map)
        try cli.run("catalog", "verify", "AP03-III-1-a", "--document", "PC.DEC/557, official PDF")
        try cli.run("catalog", "unverify", "AP03-III-1-a")
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
            kinds = []
            for line in open(store + "/office.jsonl", encoding="utf-8").read().splitlines():
                record = json.loads(line)
                schema = schemas.get("actionplan/office/" + record["kind"] + ".schema.json")
                if schema is not None:
                    jsonschema.validate(record, schema)
                    kinds.append(record["kind"])
            print("ok", len(lines), " ".join(kinds))
            """
        let result = try Spawn.run(["python3", "-c", script, doc, cli.store], environment: Spawn.environment())
        #expect(result.status == 0)
        let output = result.stdout
        #expect(output == "ok 2 catalog.install catalog.verify catalog.unverify\n")
    }
}
