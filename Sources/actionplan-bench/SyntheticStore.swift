import Foundation
import ActionPlanModel
import ActionPlanStore

/// A large store of invented history for 68 FICTIONAL States, written through `Store.append`.
///
/// Real States are never used: the figures would otherwise be fabricated facts about them. The store
/// carries its own `states.json` listing the fictional States, so `Store.load` reads it exactly as a
/// desk officer's store is read.
struct SyntheticStore {
    static let stateCount = 68
    static let changesPerAction = 20

    let store: Store
    let eventCount: Int

    /// 68 fictional States with codes from XA on (the few X/Y/Z codes in real use — XK, YE, YT, ZA, ZM,
    /// ZW — are skipped) and made-up names.
    static func fictionalStates() -> [Participant] {
        let first = ["Ava", "Bor", "Syl", "Kar", "Mel", "Tor", "Vel", "Zan", "Ost", "Lun", "Dra", "Fen"]
        let second = ["lonia", "duria", "davia", "mark", "heim", "vania"]
        let reserved: Set<String> = ["XK", "YE", "YT", "ZA", "ZM", "ZW"]
        var codes: [String] = []
        for lead in ["X", "Y", "Z"] {
            for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where codes.count < stateCount {
                let code = lead + String(letter)
                if !reserved.contains(code) { codes.append(code) }
            }
        }
        return codes.enumerated().map { index, code in
            let name = first[index % first.count] + second[(index / first.count) % second.count]
            return Participant(code: code, iso3: code + "X", name: name, kind: .participating, group: "Fictional")
        }
    }

    /// Creates the store in `folder` with `changesPerAction` events for every State × trackable action.
    static func build(in folder: String, catalog: Catalog) throws -> SyntheticStore {
        let store = try Store.open(path: folder, create: true)
        let states = fictionalStates()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileIO.writeAtomically(try encoder.encode(states), to: folder + "/states.json")
        let actions = catalog.trackableActions
        let authors = ["desk.officer.a", "desk.officer.b", "reviewer.c"]
        let statuses = Status.allCases
        let start = Timestamp.day("2024-01-01")!
        var random = SplitMix64(seed: 20261129)
        var total = 0
        for (stateIndex, state) in states.enumerated() {
            var batch: [ChangeEvent] = []
            batch.reserveCapacity(actions.count * changesPerAction)
            for (actionIndex, action) in actions.enumerated() {
                for change in 0..<changesPerAction {
                    let minutes = Int64(((change * actions.count + actionIndex) * states.count + stateIndex) * 7)
                    let status = statuses[Int(random.next() % UInt64(statuses.count))]
                    let withNote = random.next() % 4 == 0
                    batch.append(ChangeEvent(
                        id: String(format: "bench-%@-%04d-%02d", state.code, actionIndex, change),
                        time: start.adding(milliseconds: minutes * 60_000),
                        author: authors[change % authors.count], state: state.code, action: action.id,
                        status: status,
                        note: withNote ? "Synthetic note \(change) for \(state.name): Türkiye-style diacritics, Кириллица, 中文." : nil,
                        evidenceAdded: change % 5 == 0 ? ["DOC/\(state.code)/\(actionIndex)/\(change)"] : nil))
                }
            }
            // One State per write: the batches the desk officers' bulk edits and imports produce.
            try store.append(batch)
            total += batch.count
        }
        return SyntheticStore(store: store, eventCount: total)
    }
}

/// A small deterministic random generator, so every run builds the same store.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
