import Foundation
import TerminalKit

/// A small dialog of labelled fields: the tree filter, the history filter, the export dialog and the
/// follow-up dialog.
///
/// Choice fields cycle with ←/→ or Space; text fields edit like any `LineInput`. Tab and ↑/↓ move
/// between fields, Enter applies the whole form. One type serves the three dialogs because they differ
/// only in their fields and in what Enter does with the values.
public struct Form: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case treeFilter, historyFilter, export
        /// The follow-up of one State × action, based on the heads when the dialog opened.
        case followUp(state: String, action: String, base: [String])
    }

    /// One labelled row of the dialog.
    public struct Field: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            /// Labels shown to the user; `index` is the choice.
            case choice([String], index: Int)
            case text(LineInput)
        }

        public var label: String
        public var value: Value
        /// A short hint shown after a text field ("YYYY-MM-DD").
        public var hint: String

        public init(_ label: String, _ value: Value, hint: String = "") {
            self.label = label
            self.value = value
            self.hint = hint
        }

        public var text: String {
            switch value {
            case .choice(let options, let index): options[index]
            case .text(let input): input.text
            }
        }

        public var choiceIndex: Int {
            if case .choice(_, let index) = value { return index }
            return 0
        }
    }

    public var kind: Kind
    public var title: String
    public var fields: [Field]
    public var focus: Int = 0
    /// Shown under the fields when Enter found a problem ("bad date").
    public var error: String?

    public init(kind: Kind, title: String, fields: [Field]) {
        self.kind = kind
        self.title = title
        self.fields = fields
    }

    public mutating func nextField() { focus = (focus + 1) % fields.count }
    public mutating func previousField() { focus = (focus + fields.count - 1) % fields.count }

    /// Gives a key to the focused field.
    public mutating func handle(_ key: Key) {
        error = nil
        switch fields[focus].value {
        case .choice(let options, let index):
            switch key {
            case .left: fields[focus].value = .choice(options, index: (index + options.count - 1) % options.count)
            case .right, .character(" "): fields[focus].value = .choice(options, index: (index + 1) % options.count)
            default: break
            }
        case .text(var input):
            input.handle(key)
            fields[focus].value = .text(input)
        }
    }

    /// The value of the field labelled `label`, trimmed.
    public func value(_ label: String) -> String {
        (fields.first { $0.label == label }?.text ?? "").trimmingCharacters(in: .whitespaces)
    }

    public func choice(_ label: String) -> Int { fields.first { $0.label == label }?.choiceIndex ?? 0 }
}
