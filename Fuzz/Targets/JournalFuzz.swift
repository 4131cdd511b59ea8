// libFuzzer target: a journal file read line by line, then folded (current and as-of assessments).
@testable import ActionPlanStore
import ActionPlanModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    let (events, problems) = JournalReader.read(bytes, file: "states/XA.jsonl", state: "XA", renames: RenameBook(installs: []))
    for problem in problems { precondition(problem.location.map { $0.line >= 1 && $0.column >= 1 } ?? true, "bad location \(problem)") }
    var journal = Journal(state: "XA", events: events)
    precondition(events.allSatisfy { $0.state == "XA" }, "an event kept another State's code")
    for event in events { _ = journal.assessment(of: event.action) }
    if let middle = events.dropFirst(events.count / 2).first {
        _ = journal.assessments(asOf: middle.time)
        journal.append(middle)                       // an out-of-order append re-folds
    }
    _ = events.map(EventCodec.encode)
    return 0
}
