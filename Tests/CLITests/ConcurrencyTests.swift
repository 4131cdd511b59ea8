import Testing
import Foundation
import TestSupport

@Suite("CLI: concurrent writers")
struct ConcurrencyTests {
    @Test("8 processes × 100 `set` on one store: each refused write is retried, exactly 800 events, no conflict, validate clean")
    func eightWriters() throws {
        let cli = CLIRunner(); defer { cli.cleanUp() }
        try cli.run("init")
        try cli.write("states.json", """
            [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
             {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"},
             {"code":"XC","iso3":"XCA","name":"Carpathia","kind":"participating","group":"fiction"},
             {"code":"XD","iso3":"XDR","name":"Drakonia","kind":"participating","group":"fiction"}]
            """)
        let actions = ["AP03-III-1-a", "AP03-III-1-b", "AP03-III-1-c", "AP03-III-1-d"]
        let states = ["XA", "XB", "XC", "XD"]
        let script = (0..<100).map { i in
            // Exit 75: a colleague's write landed between our read and our append; read again and retry.
            "until \"$BIN\" set \(states[i % 4]) \(actions[i % 4]) in-progress --note \"w$W-\(i)\" --by w$W >/dev/null 2>&1; do [ $? -eq 75 ] || exit 1; done"
        }.joined(separator: "\n")
        // All eight start before any is waited for, so they really write at the same time.
        let writers = try (0..<8).map { writer in
            var environment = cli.environment
            environment["BIN"] = CLIRunner.binary
            environment["W"] = String(writer)
            return try Spawn.start(["/bin/sh", "-c", script], environment: environment)
        }
        for writer in writers { #expect(writer.wait().status == 0) }
        let history = try JSONSerialization.jsonObject(with: Data(try cli.run("history", "--format", "json").stdout.utf8)) as! [[String: Any]]
        #expect(history.count == 800)
        #expect(Set(history.map { $0["id"] as! String }).count == 800)
        let validate = try cli.run("validate")
        #expect(validate.status == 0, "\(validate.stdout)")
    }
}
