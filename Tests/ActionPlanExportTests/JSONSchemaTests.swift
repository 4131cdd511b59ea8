import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The JSON export validates against docs/export-schema.json (Python's `jsonschema`, draft 2020-12).
@Suite struct JSONSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/export-schema.json").path

    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        doc = json.load(sys.stdin)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            print("/".join(map(str, e.path)), e.message)
        sys.exit(1 if errors else 0)
        """

    @Test(arguments: [
        ExportScope(), ExportScope(includePartners: true), ExportScope(states: ["XB"], pillar: "protection"),
    ])
    func exportValidates(scope: ExportScope) throws {
        let snapshot = ExportFixture.snapshot(asOf: scope.pillar == nil ? nil : Timestamp.endOfDay("2026-02-01"), scope: scope)
        let out = try Python.run(Self.validator, arguments: [Self.schema], input: StatusJSON.write(snapshot))
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    }

    /// The schema is strict enough to catch a wrong document (so the test above can fail).
    @Test func schemaRejectsAWrongStatus() throws {
        var text = String(decoding: StatusJSON.write(ExportFixture.snapshot()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"status\": \"implemented\"", with: "\"status\": \"done\"")
        let out = try Python.run(Self.validator, arguments: [Self.schema], input: Array(text.utf8))
        #expect(out.status == 1)
        #expect(out.stdout.contains("'done' is not one of"))
    }

    @Test func notesSurviveAJSONParser() throws {
        let data = Data(StatusJSON.write(ExportFixture.snapshot()))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let statuses = try #require(root["statuses"] as? [[String: Any]])
        let notes = Set(statuses.compactMap { $0["note"] as? String })
        #expect(notes.isSuperset(of: [ExportFixture.awkwardNote, ExportFixture.hyperlinkNote, ExportFixture.scriptNote]))
        #expect(root["asOf"] is NSNull)
    }
}
