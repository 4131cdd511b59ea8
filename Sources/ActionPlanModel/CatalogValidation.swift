import Foundation

/// A problem found in a catalog, at a JSON path such as `pillars[1].areas[0].actions[2].id`.
///
/// The path lets the store point at the file, line and column of the offending value.
public struct CatalogProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: [PathComponent]
    public var message: String

    public init(path: [PathComponent], message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(PathComponent.render(path)): \(message)" }
}

/// One step of a JSON path: an object key or an array index.
public enum PathComponent: Sendable, Equatable, Hashable {
    case key(String)
    case index(Int)

    /// `pillars[1].areas[0].title`.
    public static func render(_ path: [PathComponent]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let i): text += "[\(i)]"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

extension Catalog {
    /// The pillars every catalog must use, in this order.
    public static let pillarIDs = ["prevention", "prosecution", "protection", "partnerships"]

    /// Checks what the tracker relies on: unique ids users can type, titles, known pillars and tags.
    public func validate() -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        var seen: [String: String] = [:]
        func check(_ id: String, _ path: [PathComponent], what: String) {
            if let earlier = seen[id] {
                problems.append(.init(path: path + [.key("id")], message: "duplicate id '\(id)' (first used by \(earlier))"))
            } else {
                seen[id] = PathComponent.render(path)
            }
        }
        func title(_ text: String, _ path: [PathComponent]) {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.init(path: path + [.key("title")], message: "empty title"))
            }
        }
        let knownTags = Set(tags.map(\.id))
        if pillars.isEmpty { problems.append(.init(path: [.key("pillars")], message: "no pillars")) }
        for (p, pillar) in pillars.enumerated() {
            let pp: [PathComponent] = [.key("pillars"), .index(p)]
            if !Self.pillarIDs.contains(pillar.id) {
                let close = Suggestions.closest(to: pillar.id, among: Self.pillarIDs)
                problems.append(.init(path: pp + [.key("id")], message: "unknown pillar '\(pillar.id)'; valid: "
                    + Self.pillarIDs.joined(separator: ", ") + (close.isEmpty ? "" : " (did you mean '\(close[0])'?)")))
            }
            check(pillar.id, pp, what: "pillar")
            title(pillar.title, pp)
            for (a, area) in pillar.areas.enumerated() {
                let ap = pp + [.key("areas"), .index(a)]
                check(area.id, ap, what: "area")
                title(area.title, ap)
                for (i, action) in area.actions.enumerated() {
                    let xp = ap + [.key("actions"), .index(i)]
                    if !Self.isTypeableID(action.id) {
                        problems.append(.init(path: xp + [.key("id")], message:
                            "id '\(action.id)' must be letters, digits and single hyphens, like AP03-IV-1-a"))
                    }
                    check(action.id, xp, what: "action")
                    title(action.title, xp)
                    for (t, tag) in action.tags.enumerated() where !knownTags.contains(tag) {
                        problems.append(.init(path: xp + [.key("tags"), .index(t)], message:
                            "unknown tag '\(tag)'; valid: " + tags.map(\.id).joined(separator: ", ")))
                    }
                }
            }
        }
        if !allActions.contains(where: \.isTrackable) {
            problems.append(.init(path: [.key("pillars")], message: "no action is addressed to participating States"))
        }
        return problems
    }

    /// Whether users can type the id on a command line: `AP03-IV-1-a`, `OSR-PV-1`.
    public static func isTypeableID(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "." }
    }

    /// Resolves an action id case-insensitively, or explains with the closest ids.
    public func lookupAction(_ query: String) -> Result<Action, LookupError> {
        if let exact = action(id: query) { return .success(exact) }
        let lowered = query.lowercased()
        if let loose = allActions.first(where: { $0.id.lowercased() == lowered }) { return .success(loose) }
        let close = Suggestions.closest(to: query, among: allActions.map(\.id))
        return .failure(LookupError(kind: "action", value: query, suggestions: close,
                                    hint: "run `actionplan catalog` for the list"))
    }

    /// Resolves a pillar id or title.
    public func lookupPillar(_ query: String) -> Result<Pillar, LookupError> {
        let lowered = query.lowercased()
        if let found = pillars.first(where: { $0.id == lowered || $0.title.lowercased() == lowered }) {
            return .success(found)
        }
        return .failure(LookupError(kind: "pillar", value: query,
            suggestions: Suggestions.closest(to: query, among: pillars.map(\.id)),
            hint: "valid: " + pillars.map(\.id).joined(separator: ", ")))
    }
}

extension Status {
    /// Resolves a status, or explains with the valid ids.
    public static func lookup(_ query: String) -> Result<Status, LookupError> {
        if let status = Status(parsing: query) { return .success(status) }
        return .failure(LookupError(kind: "status", value: query,
            suggestions: Suggestions.closest(to: query, among: Status.allCases.map(\.rawValue)),
            hint: "valid: " + Status.allCases.map(\.rawValue).joined(separator: ", ")))
    }
}
