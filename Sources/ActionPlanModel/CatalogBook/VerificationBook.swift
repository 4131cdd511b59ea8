/// Which source references were checked against the official text, by whom, when and against what.
///
/// A reference is verified only through an office record `catalog.verify` (action, reference, document,
/// by); `catalog.unverify` withdraws it. A catalog file cannot claim it: the `verified` flags of an
/// installed or embedded catalog are replaced by this fold when the store is loaded. A verification
/// names the reference it checked (`SourceReference.locator`), so it stops applying as soon as a later
/// catalog changes that action's document, chapter, section or paragraph.
public struct VerificationBook: Sendable, Equatable {
    public static let verifyKind = "catalog.verify"
    public static let unverifyKind = "catalog.unverify"

    /// One recorded verification.
    public struct Verification: Sendable, Equatable {
        public var action: String
        /// The reference that was checked, as `SourceReference.locator` wrote it then.
        public var reference: String
        /// The document it was checked against (for example "PC.DEC/557/Rev.1, official PDF").
        public var document: String
        /// Who checked it (the record's author unless named).
        public var by: String
        public var time: Timestamp
    }

    /// The standing verification of each action (the latest verify, unless a later unverify withdrew it).
    public private(set) var standing: [String: Verification] = [:]

    public init(records: [OfficeRecord]) {
        for record in records {
            guard let action = record.text("action") else { continue }
            switch record.kind {
            case Self.verifyKind:
                guard let reference = record.text("reference"), let document = record.text("document") else { continue }
                standing[action] = Verification(action: action, reference: reference, document: document,
                                                by: record.text("by") ?? record.author, time: record.time)
            case Self.unverifyKind:
                standing[action] = nil
            default:
                continue
            }
        }
    }

    /// The verification that applies to `action` with its current reference, if any.
    public func verification(of action: Action) -> Verification? {
        guard let found = standing[action.id], found.reference == action.source.locator else { return nil }
        return found
    }

    /// A verification recorded for `action` that no longer matches its reference (the reference changed).
    public func outdated(_ action: Action) -> Verification? {
        guard let found = standing[action.id], found.reference != action.source.locator else { return nil }
        return found
    }

    /// The catalog with `verified` set from the records only (whatever the file said).
    public func apply(to catalog: Catalog) -> Catalog {
        var result = catalog
        for p in result.pillars.indices {
            for a in result.pillars[p].areas.indices {
                for i in result.pillars[p].areas[a].actions.indices {
                    let action = result.pillars[p].areas[a].actions[i]
                    result.pillars[p].areas[a].actions[i].source.verified = verification(of: action) != nil
                }
            }
        }
        return result
    }
}

extension Catalog {
    /// How many actions' references are verified, of how many.
    public var verifiedReferences: (verified: Int, total: Int) {
        let all = allActions
        return (all.filter(\.source.verified).count, all.count)
    }
}
