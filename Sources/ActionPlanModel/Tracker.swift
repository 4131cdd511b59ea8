import Foundation

/// Everything a store holds, in memory: the catalog, the States and one journal per State.
///
/// Queries for every front end live here (progress per State, pillar and area; the state of
/// implementation as of a past date; transitions for change reports), so the CLI, the TUI and the
/// exports agree on every figure.
public struct Tracker: Sendable, Equatable {
    public var catalog: Catalog
    public var directory: StateDirectory
    public var journals: [String: Journal]
    public var settings: StoreSettings
    /// The office log's records (rounds, officers, catalog installations, verifications), each id once,
    /// in fold order (see `OfficeRecord`).
    public var office: [OfficeRecord]

    public init(catalog: Catalog, directory: StateDirectory, journals: [String: Journal] = [:],
                settings: StoreSettings = StoreSettings(), office: [OfficeRecord] = []) {
        self.catalog = catalog
        self.directory = directory
        self.journals = journals
        self.settings = settings
        self.office = office
    }

    /// The States shown by default (partners only where the settings or the caller ask).
    public func states(includingPartners partners: Bool? = nil) -> [Participant] {
        directory.visible(includingPartners: partners ?? settings.includePartners)
    }

    public func journal(_ state: String) -> Journal { journals[state] ?? Journal(state: state) }

    public mutating func record(_ event: ChangeEvent) {
        journals[event.state, default: Journal(state: event.state)].append(event)
    }

    public func assessment(state: String, action: String) -> Assessment {
        journals[state]?.assessment(of: action) ?? .unassessed
    }

    public func assessments(state: String, asOf instant: Timestamp? = nil) -> [String: Assessment] {
        journals[state]?.assessments(asOf: instant) ?? [:]
    }

    // MARK: - Progress

    /// Figures for one State over the given actions (all trackable ones by default).
    public func progress(state: String, actions: [Action]? = nil, asOf instant: Timestamp? = nil) -> Progress {
        Progress(actions: actions ?? catalog.trackableActions, assessments: assessments(state: state, asOf: instant))
    }

    /// Figures summed over several States.
    public func progress(states: [Participant], actions: [Action]? = nil, asOf instant: Timestamp? = nil) -> Progress {
        var total = Progress()
        for state in states { total.merge(progress(state: state.code, actions: actions, asOf: instant)) }
        return total
    }

    // MARK: - History

    /// Every change of every State (or of `states`), with the values before it, newest first.
    public func timeline(states codes: [String]? = nil) -> [TimelineEntry] {
        let selected = codes ?? journals.keys.sorted()
        return selected.flatMap { journal($0).timeline() }
            .sorted { ChangeEvent.foldOrder($1.event, $0.event) }
    }

    // MARK: - Causal history

    /// The head event ids of a State × action: the `base` of the next event written for it.
    public func headIDs(state: String, action: String) -> [String] {
        journals[state]?.headIDs(of: action) ?? []
    }

    /// The head ids of every action of a State with events, as of `instant` (nil: now).
    public func headIDs(state: String, asOf instant: Timestamp?) -> [String: [String]] {
        journals[state]?.headIDs(asOf: instant) ?? [:]
    }

    /// Every open conflict (concurrent heads that disagree), in State then action order.
    public func conflicts(states codes: [String]? = nil) -> [Conflict] {
        (codes ?? journals.keys.sorted()).flatMap { journals[$0]?.conflicts ?? [] }
    }

    /// Events whose action id the catalog does not have (kept on disk, reported as orphans).
    public var orphans: [ChangeEvent] {
        journals.keys.sorted().flatMap { code in
            let journal = journals[code]!
            // Only actions that appear in the fold can be orphans: check those, then collect their events.
            let missing = Set(journal.current.keys.filter { catalog.action(id: $0) == nil })
            return missing.isEmpty ? [] : journal.events.filter { missing.contains($0.action) }
        }
    }
}

/// Settings kept in `store.json`.
public struct StoreSettings: Codable, Sendable, Equatable {
    /// Track the Partners for Co-operation beside the participating States.
    public var includePartners: Bool

    public init(includePartners: Bool = false) { self.includePartners = includePartners }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        includePartners = try c.decodeIfPresent(Bool.self, forKey: .includePartners) ?? false
    }
}

/// One event with the assessment just before and just after it.
public struct TimelineEntry: Sendable, Equatable {
    public var event: ChangeEvent
    public var before: Assessment
    public var after: Assessment

    public init(event: ChangeEvent, before: Assessment, after: Assessment) {
        self.event = event
        self.before = before
        self.after = after
    }

    /// Whether the status moved up (+1), down (−1) or neither (0) on the progress scale.
    ///
    /// Moves into or out of "not assessed" and "not applicable" are neither: they change what is known,
    /// not how far a State has come.
    public var direction: Int {
        guard let from = before.status.weight, let to = after.status.weight, from != to else { return 0 }
        return to > from ? 1 : -1
    }

    public var changesStatus: Bool { before.status != after.status }
}
