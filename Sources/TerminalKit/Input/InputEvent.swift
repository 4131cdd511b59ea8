/// What a terminal backend reads: a key (or mouse event), a new size, or the end of input.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// No more input will come (a scripted test session ran out); the loop ends as on quit.
    case closed
}
