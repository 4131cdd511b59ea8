import Testing
import Foundation

@Suite("CLI: concurrent writers")
struct ConcurrencyTests {
    @Test("8 processes × 100 `set` on one store: each refused write is retried, exactly 800 events, no conflict, validate clean")
    func eightWriters() async throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        try cli.run("init")
        let actions = ["AP03-III-1-a", "AP03-III-1-b", "AP03-III-1-c", "AP03-III-1-d"]
        let states = ["AT", "BE", "FR", "DE"]
        let script = (0..<100).map { i in
            // Exit 75: a colleague's write landed between our read and our append; read again and retry.
            "until \"$BIN\" set \(states[i % 4]) \(actions[i % 4]) in-progress --note \"w$W-\(i)\" --by w$W >/dev/null 2>&1; do [ $? -eq 75 ] || exit 1; done"
        }.joined(separator: "\n")
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", script]
                    var env = cli.environment
                    env["BIN"] = CLIRunner.binary
                    env["W"] = String(writer)
                    process.environment = env
                    try process.run()
                    process.waitUntilExit()
                    return process.terminationStatus
                }
            }
            for try await status in group { #expect(status == 0) }
        }
        let history = try JSONSerialization.jsonObject(with: Data(try cli.run("history", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(history.count == 800)
        #expect(Set(history.map { $0["id"] as! String }).count == 800)
        let validate = try cli.run("validate")
        #expect(validate.status == 0, "\(validate.stdout)")
    }
}
