import Testing
import ActionPlanModel

/// Item 7: one rule for evidence references in the CLI, the TUI and import.
struct EvidenceRuleTests {
    @Test("accepted references come back trimmed", arguments: [
        ("REF-0001", "REF-0001"), ("  https://example.org/a?b=c  ", "https://example.org/a?b=c"),
        ("\tBGBl. I Nr. 12/2024\n", "BGBl. I Nr. 12/2024"), ("Décret n° 12 — 東京", "Décret n° 12 — 東京"),
    ])
    func accepted(input: String, stored: String) {
        #expect(EvidenceRule.check(input) == .success(stored))
    }

    @Test("refused references say why", arguments: [
        ("", "is empty"), (" ", "is empty"), ("\n\t", "is empty"),
        ("A\nB", "line break"), ("A\r\nB", "line break"), ("A\u{2028}B", "line break"),
        ("A\u{1B}]2;x\u{07}", "control character"), ("A\u{0}B", "control character"),
        (String(repeating: "x", count: EvidenceRule.maximumLength + 1), "longer than 2000"),
    ])
    func refused(input: String, reason: String) throws {
        guard case .failure(let problem) = EvidenceRule.check(input) else {
            Issue.record("accepted \(input.debugDescription)")
            return
        }
        #expect(problem.description.contains(reason), "\(problem)")
    }

    @Test func theLongestAcceptedReference() {
        let longest = String(repeating: "x", count: EvidenceRule.maximumLength)
        #expect(EvidenceRule.check(longest) == .success(longest))
        #expect(EvidenceRule.firstProblem(in: ["ok", longest, "A\nB"])?.reason.contains("line break") == true)
    }
}
