// libFuzzer target: a CSV file read and planned as an import against a small fictional store.
@testable import ActionPlanExport
import ActionPlanModel

let fuzzTracker: Tracker = {
    func action(_ id: String) -> Action {
        Action(id: id, title: "Action \(id)", summary: "", source: SourceReference(document: "FUZZ/1"), addressee: .participatingStates)
    }
    let catalog = Catalog(id: "fuzz", version: "1", title: "Fuzz", pillars: [
        Pillar(id: "prevention", title: "Prevention", description: "", areas: [Area(id: "pv", title: "PV", actions: [action("PV-1"), action("PV-2")])]),
        Pillar(id: "prosecution", title: "Prosecution", description: "", areas: [Area(id: "pr", title: "PR", actions: [action("PR-1")])]),
        Pillar(id: "protection", title: "Protection", description: "", areas: []),
        Pillar(id: "partnerships", title: "Partnerships", description: "", areas: []),
    ])
    let directory = StateDirectory([
        Participant(code: "XA", iso3: "XAV", name: "Avalonia", kind: .participating, group: "fiction"),
        Participant(code: "XB", iso3: "XBO", name: "Borduria", kind: .participating, group: "fiction"),
    ])
    var tracker = Tracker(catalog: catalog, directory: directory)
    tracker.record(ChangeEvent(id: "e1", time: Timestamp(parsing: "2026-01-10T09:00:00.000Z")!, author: "alice",
                               state: "XA", action: "PV-1", status: .inProgress, note: "=1+1", evidenceAdded: ["REF-1"]))
    return tracker
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch ImportPlanner.plan(csv: bytes, tracker: fuzzTracker) {
    case .success(let plan):
        for change in plan.changes {
            precondition(EvidenceRule.firstProblem(in: change.evidenceAdded ?? []) == nil, "bad evidence planned")
            _ = change.description
        }
        _ = plan.events(author: "fuzz", time: Timestamp(parsing: "2026-02-01T00:00:00.000Z")!, makeID: { "id" })
    case .failure(let problems):
        precondition(problems.all.count <= 50, "\(problems.all.count) problems kept")
        _ = problems.description
    }
    // Every cell survives neutralise → restore.
    if let text = String(validating: bytes, as: UTF8.self) {
        precondition(CSVCell.restore(CSVCell.neutralise(text)) == text, "formula guard not reversible")
    }
    return 0
}
