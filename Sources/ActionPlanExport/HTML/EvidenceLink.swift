/// An evidence reference in the HTML report: a link when it is a web address, else text.
///
/// Only `http://` and `https://` references without spaces or control characters become links, so a
/// `javascript:` or `data:` reference is never clickable; the address is escaped like any attribute,
/// and `rel="noopener noreferrer"` keeps the opened page away from the report (the report has no script,
/// but a reader may open it from a mail or intranet page that has).
enum EvidenceLink {
    static func html(_ reference: String) -> String {
        guard isWebAddress(reference) else { return HTMLText.escape(reference) }
        let escaped = HTMLText.escape(reference)
        return "<a href=\"\(escaped)\" rel=\"noopener noreferrer\">\(escaped)</a>"
    }

    static func isWebAddress(_ reference: String) -> Bool {
        let lowered = reference.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
        return !reference.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
