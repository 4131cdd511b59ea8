import Foundation

/// The tree pillar → area → recommended action that a store follows.
///
/// The embedded catalog paraphrases the OSCE Action Plan; an office holding the official text can put its
/// own `catalog.json` into a store. Lookups by id go through indexes built once at initialisation,
/// because every command and every keystroke resolves action ids.
public struct Catalog: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
    public var title: String
    public var notice: String?
    public var documents: [Document]
    public var tags: [Tag]
    public var pillars: [Pillar]

    /// Where each action sits in the tree, by action id.
    public private(set) var locations: [String: ActionLocation] = [:]

    enum CodingKeys: String, CodingKey { case id, version, title, notice, documents, tags, pillars }

    public init(id: String, version: String, title: String, notice: String? = nil,
                documents: [Document] = [], tags: [Tag] = [], pillars: [Pillar]) {
        self.id = id
        self.version = version
        self.title = title
        self.notice = notice
        self.documents = documents
        self.tags = tags
        self.pillars = pillars
        buildIndex()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        notice = try c.decodeIfPresent(String.self, forKey: .notice)
        documents = try c.decodeIfPresent([Document].self, forKey: .documents) ?? []
        tags = try c.decodeIfPresent([Tag].self, forKey: .tags) ?? []
        pillars = try c.decode([Pillar].self, forKey: .pillars)
        buildIndex()
    }

    private mutating func buildIndex() {
        var index: [String: ActionLocation] = [:]
        for (p, pillar) in pillars.enumerated() {
            for (a, area) in pillar.areas.enumerated() {
                for (i, action) in area.actions.enumerated() where index[action.id] == nil {
                    index[action.id] = ActionLocation(pillar: p, area: a, action: i)
                }
            }
        }
        locations = index
    }

    // MARK: - Queries

    /// Every action in tree order.
    public var allActions: [Action] { pillars.flatMap { $0.areas.flatMap(\.actions) } }

    /// The actions tracked per State (addressed to participating States), in tree order.
    public var trackableActions: [Action] { allActions.filter(\.isTrackable) }

    public func action(id: String) -> Action? {
        locations[id].map { pillars[$0.pillar].areas[$0.area].actions[$0.action] }
    }

    public func pillar(id: String) -> Pillar? { pillars.first { $0.id == id } }

    public func area(id: String) -> Area? {
        for pillar in pillars { if let area = pillar.areas.first(where: { $0.id == id }) { return area } }
        return nil
    }

    /// The pillar and area that hold an action.
    public func placement(ofAction id: String) -> (pillar: Pillar, area: Area)? {
        guard let at = locations[id] else { return nil }
        return (pillars[at.pillar], pillars[at.pillar].areas[at.area])
    }

    public func tag(id: String) -> Tag? { tags.first { $0.id == id } }
}

/// Indexes of an action inside `Catalog.pillars`.
public struct ActionLocation: Sendable, Equatable, Hashable {
    public var pillar: Int
    public var area: Int
    public var action: Int
}

/// One of the four pillars: prevention, prosecution, protection, partnerships.
public struct Pillar: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    public var areas: [Area]

    public init(id: String, title: String, description: String, areas: [Area]) {
        self.id = id
        self.title = title
        self.description = description
        self.areas = areas
    }

    public var actions: [Action] { areas.flatMap(\.actions) }
}

/// A thematic area inside a pillar (for example "National Referral Mechanisms").
public struct Area: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var actions: [Action]

    public init(id: String, title: String, actions: [Action]) {
        self.id = id
        self.title = title
        self.actions = actions
    }
}

/// A recommended action of the Action Plan, in our own words, with where it comes from.
public struct Action: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var source: SourceReference
    public var tags: [String]
    public var addressee: Addressee

    public init(id: String, title: String, summary: String, source: SourceReference,
                tags: [String] = [], addressee: Addressee = .participatingStates) {
        self.id = id
        self.title = title
        self.summary = summary
        self.source = source
        self.tags = tags
        self.addressee = addressee
    }

    enum CodingKeys: String, CodingKey { case id, title, summary, source, tags, addressee }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        summary = try c.decodeIfPresent(String.self, forKey: .summary) ?? ""
        source = try c.decode(SourceReference.self, forKey: .source)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        addressee = try c.decodeIfPresent(Addressee.self, forKey: .addressee) ?? .participatingStates
    }

    /// Only actions addressed to participating States are tracked per State.
    public var isTrackable: Bool { addressee == .participatingStates }
}

/// Whom a recommendation is addressed to.
public enum Addressee: String, Codable, Sendable, CaseIterable {
    case participatingStates = "participating-states"
    case osceStructures = "osce-structures"
}

/// Where an action comes from in the official documents.
///
/// `verified` is false wherever the chapter, section or paragraph was not checked against the official
/// text; such numbers are shown with a mark and must never be presented as official.
public struct SourceReference: Codable, Sendable, Equatable {
    public var document: String
    public var chapter: String?
    public var section: String?
    public var paragraph: String?
    public var verified: Bool

    public init(document: String, chapter: String? = nil, section: String? = nil,
                paragraph: String? = nil, verified: Bool = false) {
        self.document = document
        self.chapter = chapter
        self.section = section
        self.paragraph = paragraph
        self.verified = verified
    }

    /// "PC.DEC/557, ch. IV, sec. 1, para. 3 (unverified)".
    public var citation: String {
        locator + (verified ? " (verified)" : " (unverified)")
    }

    /// "PC.DEC/557, ch. IV, sec. 1, para. 3": what a verification checks (and names in its record).
    public var locator: String {
        var parts = [document]
        if let chapter { parts.append("ch. \(chapter)") }
        if let section { parts.append("sec. \(section)") }
        if let paragraph { parts.append("para. \(paragraph)") }
        return parts.joined(separator: ", ")
    }
}

/// A source document of the catalog (the Action Plan or one of its Addenda).
public struct Document: Codable, Sendable, Equatable {
    public var id: String
    public var symbol: String
    public var title: String
    public var year: Int?

    public init(id: String, symbol: String, title: String, year: Int? = nil) {
        self.id = id
        self.symbol = symbol
        self.title = title
        self.year = year
    }
}

/// A cross-cutting theme (children, gender, migration…).
public struct Tag: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
