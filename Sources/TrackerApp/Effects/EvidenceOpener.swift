import Foundation
import TrackerCore

/// Opens an evidence reference (a URL or a file path) with `$BROWSER`, else `xdg-open`, only when the
/// user asks (`o` in the evidence list).
///
/// The reference is one argument of the program, never a shell word, so nothing in it is run; the
/// program's output goes to /dev/null so it cannot draw over the screen. `$BROWSER` may list several
/// programs separated by `:` (the first one found is used), as the convention has it.
enum EvidenceOpener {
    static func open(_ reference: String, environment: [String: String]) -> Command {
        let candidates = (environment["BROWSER"].map { $0.split(separator: ":").map(String.init) } ?? []) + ["xdg-open"]
        guard let program = candidates.lazy.compactMap({ find($0, path: environment["PATH"] ?? "/usr/bin:/bin") }).first else {
            return .openFailed("no program to open it with (set $BROWSER or install xdg-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [reference]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .openFailed("\(program): \(error.localizedDescription)")
        }
        return process.terminationStatus == 0 ? .opened(reference)
            : .openFailed("\(URL(fileURLWithPath: program).lastPathComponent) exited with \(process.terminationStatus)")
    }

    /// The executable for `name` (a path, or looked up in `path`).
    static func find(_ name: String, path: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains("/") { return FileManager.default.isExecutableFile(atPath: trimmed) ? trimmed : nil }
        return path.split(separator: ":").map { "\($0)/\(trimmed)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
