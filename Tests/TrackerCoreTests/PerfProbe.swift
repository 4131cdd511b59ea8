import Foundation
import Testing
import ActionPlanModel
@testable import TrackerCore

@Test func perfProbe() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let catalog = try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: root.appendingPathComponent("Resources/catalog.json")))
    let states = try JSONDecoder().decode([Participant].self, from: Data(contentsOf: root.appendingPathComponent("Resources/states.json")))
    var journals: [String: Journal] = [:]
    var n = 0
    let statuses = Status.allCases
    for s in states {
        var events: [ChangeEvent] = []
        for a in catalog.trackableActions {
            for k in 0..<20 {
                n += 1
                events.append(ChangeEvent(id: String(format: "%08d", n), time: Timestamp(milliseconds: 1_700_000_000_000 + Int64(n) * 1000), author: "u\(k % 5)", state: s.code, action: a.id, status: statuses[(k + n) % 6], note: k % 4 == 0 ? "note \(k)" : nil))
            }
        }
        journals[s.code] = Journal(state: s.code, events: events)
    }
    let tracker = Tracker(catalog: catalog, directory: StateDirectory(states), journals: journals, settings: StoreSettings(includePartners: true))
    let clock = ContinuousClock()
    var state = AppState(tracker: tracker, options: AppOptions(storeName: "big"))
    let size = Size(width: 120, height: 40)
    let t0 = clock.now
    state = AppState(tracker: tracker, options: AppOptions(storeName: "big"))
    _ = update(&state, .resize(size))
    _ = render(state, size: size)
    print("startup", clock.now - t0, n)
    let keys: [(String, [Key])] = [("down", [.down]), ("enter", [.enter]), ("expand area", [.down, .enter, .down]), ("]", [.character("]")]),
        ("matrix", [.character("2")]), ("matrix right", [.right]), ("dashboard", [.character("3")]), ("history", [.character("4")]), ("history down", [.down]),
        ("tree", [.character("1")]), ("s", [.character("s")]), ("esc", [.escape]), ("/", [.character("/")]), ("t", [.character("t")]), ("r", [.character("r")]), ("enter", [.enter]), ("n", [.character("n")]),
        ("S", [.character("S")]), ("a", [.character("a")]), ("enter", [.enter]), ("[", [.character("[")])]
    for (name, ks) in keys {
        let t = clock.now
        for k in ks { _ = update(&state, .key(k)) }
        _ = render(state, size: size)
        print(name, clock.now - t)
    }
    var hv = HistoryView()
    let th = clock.now
    hv.refresh(tracker: state.tracker, states: state.states)
    print("refresh only", clock.now - th)
    let tr = clock.now
    _ = render(state, size: size)
    print("render only", clock.now - tr)
    let t = clock.now
    _ = update(&state, .saved([ChangeEvent(id: "zzz", time: Timestamp(milliseconds: 1_800_000_000_000), author: "me", state: "AL", action: catalog.trackableActions[0].id, status: .implemented)]))
    _ = render(state, size: size)
    print("saved", clock.now - t)
}

@Test func realCatalogLook() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let catalog = try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: root.appendingPathComponent("Resources/catalog.json")))
    let states = try JSONDecoder().decode([Participant].self, from: Data(contentsOf: root.appendingPathComponent("Resources/states.json")))
    let tracker = Tracker(catalog: catalog, directory: StateDirectory(states))
    var state = AppState(tracker: tracker, options: AppOptions(storeName: "store", initialState: "tr"))
    let size = Size(width: 80, height: 24)
    _ = update(&state, .resize(size))
    state.press(.enter, .enter, .enter)
    print(render(state, size: size).plainText())
    state.press(.character("2"))
    print(render(state, size: size).plainText())
    state.press(.character("S"))
    state.type("tu")
    print(render(state, size: size).plainText())
}
