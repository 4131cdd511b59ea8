/// The officers of an office and the States each one follows: the fold of the office log's
/// `officer.*` records.
///
/// Records, folded in (time, id) order whatever the order of lines in the file:
/// - `officer.add` {name}: adds the officer (adding one already listed does nothing);
/// - `officer.remove` {name}: removes the officer and every State they followed;
/// - `officer.assign` {name, states}: the officer follows these States too;
/// - `officer.unassign` {name, states}: the officer no longer follows these States.
///
/// Two offices that share a store through git may disagree: one removes bob while the other assigns
/// him a State. Both lines survive the union merge and the fold decides: whatever comes later in
/// (time, id) order wins, and a record about an officer who is not listed at that point changes
/// nothing and is reported in `issues`, never silently.
public struct OfficerRoster: Sendable, Equatable {
    /// One officer and the State codes they follow, sorted.
    public struct Officer: Sendable, Equatable, Hashable {
        public var name: String
        public var states: [String]

        public init(name: String, states: [String] = []) {
            self.name = name
            self.states = states
        }
    }

    /// The record kinds this fold reads.
    public enum Kind: String, Sendable, CaseIterable {
        case add = "officer.add", remove = "officer.remove", assign = "officer.assign", unassign = "officer.unassign"
    }

    /// The officers, sorted by name (case-insensitive).
    public private(set) var officers: [Officer]
    /// Records the fold could not apply (an officer not listed at that point), in fold order.
    public private(set) var issues: [String]

    public init(records: [OfficeRecord]) {
        var byName: [String: [String]] = [:]
        var order: [String] = []
        var issues: [String] = []
        let relevant = records.filter { Kind(rawValue: $0.kind) != nil }
        let sorted = relevant.sorted(by: OfficeRecord.foldOrder)
        for record in sorted {
            guard let kind = Kind(rawValue: record.kind), let name = record.text("name") else {
                issues.append("\(record.kind) record \(record.id) names no officer; ignored")
                continue
            }
            let states = record.list("states") ?? []
            switch kind {
            case .add:
                if byName[name] == nil { byName[name] = []; order.append(name) }
            case .remove:
                if byName.removeValue(forKey: name) == nil {
                    issues.append("officer.remove by \(record.author) at \(record.time): '\(name)' was not listed; ignored")
                }
                order.removeAll { $0 == name }
            case .assign, .unassign:
                guard var held = byName[name] else {
                    issues.append("\(record.kind) by \(record.author) at \(record.time): '\(name)' was not listed; ignored")
                    continue
                }
                if kind == .assign {
                    for state in states where !held.contains(state) { held.append(state) }
                } else {
                    held.removeAll { states.contains($0) }
                }
                byName[name] = held
            }
        }
        officers = order.map { Officer(name: $0, states: byName[$0]!.sorted()) }
            .sorted { $0.name.lowercased() != $1.name.lowercased() ? $0.name.lowercased() < $1.name.lowercased() : $0.name < $1.name }
        self.issues = issues
    }

    /// The officer with this name (exact first, then ignoring case).
    public func officer(named name: String) -> Officer? {
        officers.first { $0.name == name } ?? officers.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The names of the officers who follow `state`, sorted.
    public func officers(following state: String) -> [String] {
        officers.filter { $0.states.contains(state) }.map(\.name)
    }

    /// Whether nobody is listed.
    public var isEmpty: Bool { officers.isEmpty }

    // MARK: - Deciding a record

    /// What an `officers` command asks for.
    public enum Request: Sendable, Equatable {
        case add(String)
        case remove(String, force: Bool)
        case assign(String, states: [String])
        case unassign(String, states: [String])
    }

    /// Why a request was refused, with the valid choices where there are some.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The record kind and fields that carry out `request` on this roster, or nil when it is already
    /// so (nothing to write). State codes must already be resolved against the State list.
    public func decide(_ request: Request) -> Result<(kind: Kind, fields: [String: OfficeValue])?, Refusal> {
        switch request {
        case .add(let raw):
            switch PersonName.validate(raw) {
            case .failure(let error): return .failure(Refusal(message: error.description))
            case .success(let name):
                if let existing = officer(named: name) {
                    return existing.name == name ? .success(nil)
                        : .failure(Refusal(message: "an officer named '\(existing.name)' is already listed (names differ only in case)"))
                }
                return .success((.add, ["name": .text(name)]))
            }
        case .remove(let raw, let force):
            guard let officer = officer(named: raw.trimmingSpaces) else { return .failure(unknown(raw)) }
            if !officer.states.isEmpty, !force {
                return .failure(Refusal(message: "\(officer.name) follows \(officer.states.count == 1 ? "1 State" : "\(officer.states.count) States") ("
                    + officer.states.joined(separator: ", ") + "); unassign them first or give --force to remove the officer and the assignments"))
            }
            return .success((.remove, ["name": .text(officer.name)]))
        case .assign(let raw, let states), .unassign(let raw, let states):
            guard let officer = officer(named: raw.trimmingSpaces) else { return .failure(unknown(raw)) }
            let assign: Bool
            if case .assign = request { assign = true } else { assign = false }
            let changed = states.filter { assign != officer.states.contains($0) }
            var unique: [String] = []
            for state in changed where !unique.contains(state) { unique.append(state) }
            guard !unique.isEmpty else { return .success(nil) }
            return .success((assign ? .assign : .unassign, ["name": .text(officer.name), "states": .list(unique)]))
        }
    }

    private func unknown(_ name: String) -> Refusal {
        let valid = officers.map(\.name)
        return Refusal(message: "unknown officer '\(TerminalSafe.clean(name))'; "
            + (valid.isEmpty ? "no officers are listed yet (add one with `actionplan officers add NAME`)"
                             : "valid: " + valid.joined(separator: ", ")))
    }
}
