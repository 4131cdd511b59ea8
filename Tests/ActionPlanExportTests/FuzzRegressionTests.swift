import Testing
import Foundation
import ActionPlanModel
@testable import ActionPlanExport

/// Replays the CSV fuzzing seeds and every input that once crashed the CSV target (`Fuzz/Regressions/csv`).
struct CSVFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz").path

    @Test func csvReaderAndImportPlanner() {
        var count = 0
        for kind in ["Seeds", "Regressions"] {
            let path = Self.folder + "/\(kind)/csv"
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) where !name.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: path + "/" + name) else { continue }
                count += 1
                switch ImportPlanner.plan(csv: [UInt8](data), tracker: ExportFixture.tracker) {
                case .success(let plan): #expect(plan.changes.allSatisfy { EvidenceRule.firstProblem(in: $0.evidenceAdded ?? []) == nil })
                case .failure(let problems): #expect(problems.all.count <= 50)
                }
            }
        }
        #expect(count > 0)
    }
}
