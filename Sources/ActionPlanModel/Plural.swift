/// "1 change", "3 changes": a count with its noun, in the right number.
///
/// Reports and messages used "change(s)" and "1 changes"; one function keeps them all grammatical.
public enum Plural {
    /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless `count` is 1.
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
