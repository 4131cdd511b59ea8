/// A JSON number read as a whole number without trapping.
///
/// `Int(someDouble)` traps (SIGILL) when the value is beyond `Int.max`, infinite or NaN, and a store
/// file is input: `"format": 1e300` must give a message, never a crash. Every conversion of a JSON
/// number to an integer goes through here.
public enum WholeNumber: Sendable, Equatable {
    /// A whole number that fits in `Int`.
    case exact(Int)
    /// A whole number (or infinity) too large for `Int`; the text says what was found.
    case tooLarge(String)
    /// Not a whole number (a fraction), or too small; the text says what was found.
    case notWhole(String)

    public init(_ value: Double) {
        if value.isNaN || value != value.rounded(.towardZero) && value.isFinite {
            self = .notWhole("\(value)")
        } else if value >= 9_223_372_036_854_775_808.0 {
            // 2^63 is the first Double beyond Int.max (Int.max itself is not representable).
            self = .tooLarge(value.isInfinite ? "a number beyond the range of a double" : "\(value)")
        } else if value < -9_223_372_036_854_775_808.0 || value.isInfinite {
            self = .notWhole("\(value)")
        } else {
            self = .exact(Int(value))
        }
    }
}
