import Foundation
import ActionPlanModel
import ActionPlanStore

/// A store in a fresh temporary folder, removed when the test ends.
final class TempStore {
    let folder: String
    let store: Store

    init() throws {
        folder = NSTemporaryDirectory() + "actionplan-store-test-\(UUID().uuidString)"
        store = try Store.open(path: folder + "/store", create: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var path: String { store.path }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)), as: UTF8.self)
    }

    static func event(_ state: String, _ action: String, _ status: Status, note: String? = nil, at time: String = "2026-05-01T12:00:00.000Z") -> ChangeEvent {
        ChangeEvent(id: EventID.make(), time: Timestamp(parsing: time)!, author: "tester", state: state, action: action,
                    status: status, note: note)
    }
}
