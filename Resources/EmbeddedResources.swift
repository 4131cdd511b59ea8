import Foundation

/// The catalog and the list of States that ship inside the program.
///
/// The store reads them when a store has no catalog of its own; nothing else touches these files.
public enum EmbeddedResources {
    /// The bytes of `Resources/catalog.json`.
    public static func catalogJSON() throws -> Data { try data("catalog") }

    /// The bytes of `Resources/states.json`.
    public static func statesJSON() throws -> Data { try data("states") }

    /// The path a message can name for an embedded file.
    public static let catalogName = "(embedded) catalog.json"
    public static let statesName = "(embedded) states.json"

    private static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).json"])
        }
        return try Data(contentsOf: url)
    }
}
