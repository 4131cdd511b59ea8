/// What carrying out one effect leads to: more commands for `update`, or the end of the program.
public enum EffectOutcome<Command> {
    /// Feed these commands back into `update` (e.g. "saved", "save failed: …"); may be empty.
    case commands([Command])
    /// Leave the loop and restore the terminal.
    case quit
}
