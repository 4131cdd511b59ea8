import Foundation

/// Runs the `git` found on PATH in a folder and captures what it prints.
///
/// git is never reimplemented: `sync` only sequences ordinary git commands. It never prompts (no
/// terminal, no credentials dialog) and speaks plain English, so its messages can be passed on.
struct GitRunner: Sendable {
    let executable: String
    let folder: String

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var ok: Bool { status == 0 }
        /// stderr, else stdout, trimmed: what git said.
        var message: String {
            let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? stdout.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
    }

    /// The git on PATH, or nil.
    static func find(environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(folder) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    @discardableResult
    func run(_ arguments: String...) -> Output { run(arguments) }

    func run(_ arguments: [String]) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Output(status: 127, stdout: "", stderr: "cannot run \(executable): \(error.localizedDescription)")
        }
        // Both pipes are drained at once, so a chatty command cannot fill one and block.
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: collected.text(isError: false),
                      stderr: collected.text(isError: true))
    }
}

/// The two outputs of a process, filled from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock(); defer { lock.unlock() }
        if isError { err = data } else { out = data }
    }

    func text(isError: Bool) -> String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: isError ? err : out, as: UTF8.self)
    }
}
