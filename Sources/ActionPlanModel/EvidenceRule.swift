/// What an evidence reference may be, the same for `set --evidence`, the TUI's prompt and CSV import.
///
/// A reference is one line: a URL, a document symbol, a gazette number. The CSV export writes the
/// references of an action one per line in a single cell, so a reference with a line break, or a
/// blank one, would come back from an untouched export → import as different references
/// ("+2 evidence, −3 evidence"). References are trimmed; empty ones, line breaks and control
/// characters are refused, and the length is bounded so one cell cannot swallow a document.
public enum EvidenceRule {
    /// The longest reference accepted, in characters (long URLs fit).
    public static let maximumLength = 2000

    /// Why a reference was refused, quoting it (shortened).
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var reference: String
        public var reason: String

        public var description: String {
            let shown = reference.count > 40 ? String(reference.prefix(40)) + "…" : reference
            return "evidence '\(TerminalSafe.clean(shown))': \(reason)"
        }
    }

    /// The trimmed reference, or why it cannot be recorded.
    public static func check(_ reference: String) -> Result<String, Problem> {
        let trimmed = reference.trimmingWhitespace()
        if trimmed.isEmpty { return .failure(Problem(reference: reference, reason: "is empty; give a reference such as a URL or a document symbol")) }
        if trimmed.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) {
            return .failure(Problem(reference: reference, reason: "has a line break; give one reference per line (repeat --evidence for more)"))
        }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .failure(Problem(reference: reference, reason: "has a control character"))
        }
        if trimmed.count > maximumLength {
            return .failure(Problem(reference: reference, reason: "is longer than \(maximumLength) characters"))
        }
        return .success(trimmed)
    }

    /// The first reference of a list that breaks the rule, with why.
    public static func firstProblem(in references: [String]) -> Problem? {
        for reference in references { if case .failure(let problem) = check(reference) { return problem } }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Unicode white space).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
