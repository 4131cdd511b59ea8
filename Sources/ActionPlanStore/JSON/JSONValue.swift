/// A parsed JSON value that remembers where it started in its file.
///
/// Foundation's decoder says "the data is not valid JSON" without a line; people fixing a hand-edited
/// store need the file, line and column of the offending value, so the store parses with this instead.
public indirect enum JSONValue: Sendable, Equatable {
    case object([Member], offset: Int)
    case array([JSONValue], offset: Int)
    case string(String, offset: Int)
    case number(Double, offset: Int)
    case bool(Bool, offset: Int)
    case null(offset: Int)

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
    }

    /// Byte offset of the value's first character.
    public var offset: Int {
        switch self {
        case .object(_, let o), .array(_, let o), .string(_, let o), .number(_, let o), .bool(_, let o): o
        case .null(let o): o
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members, _) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? { if case .string(let s, _) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b, _) = self { b } else { nil } }
    public var numberValue: Double? { if case .number(let n, _) = self { n } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a, _) = self { a } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// What a message calls this kind of value.
    public var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// The value at a path of keys and indexes, or the deepest value found on the way.
    public func deepest(along path: [PathStep]) -> JSONValue {
        var current = self
        for step in path {
            switch (step, current) {
            case (.key(let k), .object):
                guard let next = current[k] else { return current }
                current = next
            case (.index(let i), .array(let items, _)) where i < items.count:
                current = items[i]
            default:
                return current
            }
        }
        return current
    }
}

/// One step of a path into a JSON document.
public enum PathStep: Sendable, Equatable {
    case key(String)
    case index(Int)
}
