import Foundation
import ActionPlanModel
import ActionPlanResources

/// Reads a catalog (the store's own `catalog.json`, else the embedded one) and the list of States.
enum CatalogLoader {
    /// Parses and decodes a catalog, with file, line and column for syntax and shape errors.
    static func decodeCatalog(_ bytes: [UInt8], file: String) throws(StoreError) -> (Catalog, JSONValue) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: error.offset, in: bytes), message: error.message)
        }
        do {
            return (try JSONDecoder().decode(Catalog.self, from: Data(bytes)), root)
        } catch let error as DecodingError {
            if let bad = numberProblem(error, root: root, bytes: bytes, file: file) { throw bad }
            let (path, message) = describe(error)
            let offset = root.deepest(along: path).offset
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: offset, in: bytes), message: message)
        } catch {
            throw StoreError(.damaged, file: file, message: "\(error)")
        }
    }

    /// The catalog's own problems (duplicate ids, empty titles, unknown pillars or tags), located.
    static func problems(in catalog: Catalog, root: JSONValue, bytes: [UInt8], file: String) -> [StoreProblem] {
        catalog.validate().map { problem in
            StoreProblem(.error, file: file, location: SourceLocation(offset: root.offset(of: problem.path), in: bytes),
                         message: "\(PathComponent.render(problem.path)): \(problem.message)")
        }
    }

    /// The States: the store's own `states.json` when `path` is given, else the embedded list.
    ///
    /// A store's own list serves offices that track other entities, and tests and benchmarks that
    /// must use fictional States.
    static func states(ownFile path: String?) throws(StoreError) -> StateDirectory {
        let file = path ?? EmbeddedResources.statesName
        let bytes: [UInt8]
        if let path {
            bytes = [UInt8](try FileIO.read(path))
        } else {
            do { bytes = [UInt8](try EmbeddedResources.statesJSON()) } catch {
                throw StoreError(.io, file: file, message: "missing from the installation: \(error.localizedDescription)")
            }
        }
        return try decodeStates(bytes, file: file)
    }

    /// Parses and checks a list of States (unique, file-name-safe codes), with file, line and column.
    static func decodeStates(_ bytes: [UInt8], file: String) throws(StoreError) -> StateDirectory {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: error.offset, in: bytes), message: error.message)
        }
        let participants: [Participant]
        do {
            participants = try JSONDecoder().decode([Participant].self, from: Data(bytes))
        } catch let error as DecodingError {
            if let bad = numberProblem(error, root: root, bytes: bytes, file: file) { throw bad }
            let (path, message) = describe(error)
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: root.deepest(along: path).offset, in: bytes),
                             message: message + " (each State: code, iso3, name, kind participating|partner, group)")
        } catch {
            throw StoreError(.damaged, file: file, message: "\(error)")
        }
        var seen = Set<String>()
        for (i, p) in participants.enumerated() where !seen.insert(p.code.uppercased()).inserted || p.code.isEmpty {
            throw StoreError(.damaged, file: file, location: SourceLocation(offset: root.deepest(along: [.index(i), .key("code")]).offset, in: bytes),
                             message: "[\(i)].code: duplicate or empty State code '\(p.code)'")
        }
        for (i, p) in participants.enumerated() {
            if let problem = SafePath.codeProblem(p.code) {
                throw StoreError(.damaged, file: file, location: SourceLocation(offset: root.deepest(along: [.index(i), .key("code")]).offset, in: bytes),
                                 message: "[\(i)].code '\(p.code)': \(problem)")
            }
        }
        return StateDirectory(participants)
    }

    static func embeddedCatalogBytes() throws(StoreError) -> [UInt8] {
        do { return [UInt8](try EmbeddedResources.catalogJSON()) } catch {
            throw StoreError(.io, file: EmbeddedResources.catalogName, message: "missing from the installation: \(error.localizedDescription)")
        }
    }

    /// Foundation reports a number that does not fit its field (`"year": 1.5`) at the top level with
    /// "not valid JSON"; this finds the number so the message points at it.
    private static func numberProblem(_ error: DecodingError, root: JSONValue, bytes: [UInt8], file: String) -> StoreError? {
        guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
              let (path, value, number) = root.firstNonWholeNumber() else { return nil }
        let shown = number.isFinite ? "\(number)" : "a number beyond the range of a double"
        return StoreError(.damaged, file: file, location: SourceLocation(offset: value.offset, in: bytes),
                          message: "\(path): expected a whole number, found \(shown)")
    }

    private static func describe(_ error: DecodingError) -> ([PathStep], String) {
        func steps(_ path: [any CodingKey]) -> [PathStep] {
            path.map { key in key.intValue.map(PathStep.index) ?? .key(key.stringValue) }
        }
        func render(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let i = key.intValue { text += "[\(i)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "top level" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (steps(context.codingPath), "\(render(context.codingPath)): expected \(describeType(type))")
        case .valueNotFound(let type, let context):
            return (steps(context.codingPath), "\(render(context.codingPath)): expected \(describeType(type)), found null")
        case .keyNotFound(let key, let context):
            return (steps(context.codingPath), "\(render(context.codingPath)): missing \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            return (steps(context.codingPath), "\(render(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        if type is String.Type { return "a string" }
        if type is Bool.Type { return "true or false" }
        if type is Int.Type || type is Double.Type { return "a number" }
        let name = String(describing: type)
        return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "an object (\(name))"
    }
}
