/// A named way of looking at the tracker: a screen, a State, a tree filter and a matrix sort.
///
/// Personal views live in the user's settings file, shared ones in the store (`views.json`), so they
/// travel with it through git. Plain strings, checked where they are applied: a view naming a State or
/// a tag the store does not know still loads, and says so when recalled.
public struct SavedView: Codable, Sendable, Equatable {
    public var name: String
    /// `tree`, `matrix`, `dashboard` or `history`.
    public var screen: String?
    /// A State code, or `all`.
    public var state: String?
    public var status: String?
    public var pillar: String?
    public var tag: String?
    /// `YYYY-MM-DD`.
    public var changedSince: String?
    /// The matrix order: `name` or `progress`.
    public var sort: String?

    public init(name: String, screen: String? = nil, state: String? = nil, status: String? = nil, pillar: String? = nil,
                tag: String? = nil, changedSince: String? = nil, sort: String? = nil) {
        self.name = name
        self.screen = screen
        self.state = state
        self.status = status
        self.pillar = pillar
        self.tag = tag
        self.changedSince = changedSince
        self.sort = sort
    }
}
