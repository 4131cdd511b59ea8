import ActionPlanModel

/// Which States and which part of the catalog an export covers.
///
/// The scope is resolved by the caller (the CLI or the TUI turn names into codes and ids, with
/// "did you mean" on a typo), so the writers never have to reject input.
public struct ExportScope: Sendable, Equatable {
    /// State codes in the order they should appear; empty means every State shown by default.
    public var states: [String]
    /// A pillar id, or nil for all four pillars.
    public var pillar: String?
    /// Whether the Partners for Co-operation are listed when `states` is empty.
    public var includePartners: Bool

    public init(states: [String] = [], pillar: String? = nil, includePartners: Bool = false) {
        self.states = states
        self.pillar = pillar
        self.includePartners = includePartners
    }

    /// The participants in scope, in directory order unless States were named explicitly.
    public func participants(in tracker: Tracker) -> [Participant] {
        if states.isEmpty { return tracker.states(includingPartners: includePartners) }
        return states.compactMap { tracker.directory.resolve($0) }
    }

    /// The pillars in scope, in catalog order.
    public func pillars(in catalog: Catalog) -> [Pillar] {
        guard let pillar else { return catalog.pillars }
        return catalog.pillars.filter { $0.id == pillar }
    }
}
