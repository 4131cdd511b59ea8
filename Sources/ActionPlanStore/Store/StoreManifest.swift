import ActionPlanModel

/// The contents of `store.json`: the format version, the catalog the store follows, and its settings.
public struct StoreManifest: Sendable, Equatable {
    /// The format this program writes and reads. A store with a higher number is refused.
    public static let currentFormat = 3

    public var format: Int
    public var catalogID: String
    public var catalogVersion: String
    public var settings: StoreSettings
    public var createdAt: Timestamp?

    public init(format: Int = StoreManifest.currentFormat, catalogID: String, catalogVersion: String,
                settings: StoreSettings = StoreSettings(), createdAt: Timestamp? = nil) {
        self.format = format
        self.catalogID = catalogID
        self.catalogVersion = catalogVersion
        self.settings = settings
        self.createdAt = createdAt
    }

    /// Pretty, stable JSON (keys in a fixed order) so the file diffs well.
    public func encoded() -> String {
        var lines = ["{", "  \"format\": \(format),",
                     "  \"catalog\": { \"id\": \(JSONString.quote(catalogID)), \"version\": \(JSONString.quote(catalogVersion)) },",
                     "  \"settings\": { \"includePartners\": \(settings.includePartners) }"]
        if let createdAt { lines[lines.count - 1] += ","; lines.append("  \"createdAt\": \(JSONString.quote(createdAt.description))") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `store.json`, naming the line and column of anything wrong.
    static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> StoreManifest {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: error.offset, in: bytes), message: error.message)
        }
        let reader = FieldReader(root: root, bytes: bytes, file: file)
        guard case .object = root else { throw reader.error(at: root, "expected an object with \"format\", \"catalog\" and \"settings\"") }
        guard let formatValue = root["format"] else { throw reader.error(at: root, "missing \"format\" (the store format version, 1)") }
        let whole = formatValue.numberValue.map(WholeNumber.init)
        if case .tooLarge(let found)? = whole {
            throw StoreError(.newerFormat, file: file, location: reader.location(of: formatValue),
                message: "this store uses format \(found), a newer format than this version of actionplan knows (or a damaged number); this version reads format \(currentFormat) only. Upgrade actionplan; nothing was changed.")
        }
        guard case .exact(let format)? = whole, format >= 1 else {
            throw reader.error(at: formatValue, "\"format\" must be a whole number ≥ 1, found \(formatValue.kindName)")
        }
        if format > currentFormat {
            throw StoreError(.newerFormat, file: file, location: reader.location(of: formatValue),
                message: "this store uses format \(format), written by a newer version of actionplan; this version reads format \(currentFormat) only. Upgrade actionplan; nothing was changed.")
        }
        let catalog = root["catalog"]
        let id = try reader.string(catalog?["id"], orAt: catalog ?? root, name: "catalog.id")
        let version = try reader.string(catalog?["version"], orAt: catalog ?? root, name: "catalog.version")
        var settings = StoreSettings()
        if let partners = root["settings"]?["includePartners"] {
            guard let flag = partners.boolValue else { throw reader.error(at: partners, "\"includePartners\" must be true or false") }
            settings.includePartners = flag
        }
        let created = root["createdAt"].flatMap(\.stringValue).flatMap(Timestamp.init(parsing:))
        return StoreManifest(format: format, catalogID: id, catalogVersion: version, settings: settings, createdAt: created)
    }
}

/// Reads typed fields out of a `JSONValue`, turning mistakes into located `StoreError`s.
struct FieldReader {
    let root: JSONValue
    let bytes: [UInt8]
    let file: String

    func location(of value: JSONValue) -> SourceLocation { SourceLocation(offset: value.offset, in: bytes) }

    func error(at value: JSONValue, _ message: String) -> StoreError {
        StoreError(.damaged, file: file, location: location(of: value), message: message)
    }

    func string(_ value: JSONValue?, orAt parent: JSONValue, name: String) throws(StoreError) -> String {
        guard let value else { throw error(at: parent, "missing \"\(name)\"") }
        guard let text = value.stringValue else { throw error(at: value, "\"\(name)\" must be a string, found \(value.kindName)") }
        return text
    }

}
