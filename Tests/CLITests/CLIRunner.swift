import Foundation

/// Runs the built `actionplan` binary and captures what it printed and how it exited.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/debug/actionplan` beside this package, or `$ACTIONPLAN_BIN`.
    static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["ACTIONPLAN_BIN"] { return explicit }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/actionplan").path
    }

    let store: String
    var environment: [String: String]

    /// A runner on a store in a fresh temporary folder.
    init() {
        self.init(store: NSTemporaryDirectory() + "actionplan-cli-\(UUID().uuidString)/store")
    }

    /// A runner on the store at `store` (the default for every command, through $ACTIONPLAN_STORE).
    init(store: String) {
        self.store = store
        environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "ACTIONPLAN_STORE": store,
                       "ACTIONPLAN_USER": "cli-test", "LANG": "C.UTF-8"]
    }

    /// A runner whose store was made by `actionplan init` (only `init` creates a store).
    static func initialised() throws -> CLIRunner {
        let cli = CLIRunner()
        let made = try cli.run("init")
        guard made.status == 0 else { throw CLIError("actionplan init failed (\(made.status)): \(made.stderr)") }
        return cli
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store).deletingLastPathComponent().path) }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw CLIError("the binary \(Self.binary) is missing: run `swift build` first")
        }
        // Output goes to files, not pipes: a large output can then never block the child.
        let outPath = NSTemporaryDirectory() + "cli-out-\(UUID().uuidString)"
        let errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    func file(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: store + "/" + relative)), as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: store + "/" + relative))
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

