import TrackerCore

/// What the driver reads from the terminal: a key (or mouse event) or a new size.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(Size)
}
