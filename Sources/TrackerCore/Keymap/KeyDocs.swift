import Foundation

/// The key list of `docs/user-guide.md`, generated from the same table as dispatch and the help screen.
public enum KeyDocs {
    /// One Markdown table per context, in the order of the help screen.
    public static func markdown() -> String {
        var out = ""
        for context in KeyContext.allCases {
            let bindings = Keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            out += "### \(context.title)\n\n| Keys | What it does |\n|---|---|\n"
            for binding in bindings {
                let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
                out += "| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
            if context.takesText { out += "| other keys | type text (←/→, Home/End, Backspace/Delete, paste) |\n" }
            out += "\n"
        }
        return out
    }
}
