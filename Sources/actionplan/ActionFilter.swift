import ActionPlanModel

/// `show --status S --tag T`: which actions of a State are listed.
struct ActionFilter {
    var status: Status?
    /// A tag id of the catalog.
    var tag: String?

    func keeps(_ action: Action, _ assessment: Assessment) -> Bool {
        (status == nil || assessment.status == status) && (tag == nil || action.tags.contains(tag!))
    }
}

extension Tracker {
    /// A catalog tag by id or label (any case), or a usage error with the closest ids.
    func requireTag(_ query: String) throws -> Tag {
        let lowered = query.lowercased()
        if let tag = catalog.tags.first(where: { $0.id.lowercased() == lowered || $0.label.lowercased() == lowered }) { return tag }
        let error = LookupError(kind: "tag", value: query, suggestions: Suggestions.closest(to: query, among: catalog.tags.map(\.id)),
                                hint: "valid: " + catalog.tags.map(\.id).joined(separator: ", "))
        throw fail(error.description, code: ExitCodes.usage)
    }
}
