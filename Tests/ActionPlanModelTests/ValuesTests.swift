import Testing
import ActionPlanModel

@Suite("Values: statuses, times, lookups, catalog validation")
struct ValuesTests {
    @Test("statuses parse by id, label or unique prefix", arguments: [
        ("implemented", Status.implemented), ("IN-PROGRESS", .inProgress), ("In progress", .inProgress),
        ("partial", .partiallyImplemented), ("not_applicable", .notApplicable), ("not-assessed", .notAssessed),
    ])
    func parseStatus(text: String, expected: Status) { #expect(Status(parsing: text) == expected) }

    @Test("an ambiguous or unknown status is refused with the valid ids")
    func unknownStatus() {
        #expect(Status(parsing: "not") == nil)
        guard case .failure(let error) = Status.lookup("implemnted") else { Issue.record("accepted"); return }
        #expect(error.suggestions.first == "implemented")
        #expect(error.description.contains("valid: not-assessed, not-started"))
    }

    @Test("every status has a distinct symbol and ASCII fallback")
    func symbols() {
        #expect(Set(Status.allCases.map(\.symbol)).count == Status.allCases.count)
        #expect(Set(Status.allCases.map(\.asciiSymbol)).count == Status.allCases.count)
        #expect(Status.allCases.allSatisfy { $0.asciiSymbol.allSatisfy(\.isASCII) })
    }

    @Test("timestamps round-trip through their text", arguments: [
        "2026-11-29T04:40:06.123Z", "1999-12-31T23:59:59.999Z", "2024-02-29T00:00:00.000Z", "1969-07-20T20:17:40.000Z",
    ])
    func timestampRoundTrip(text: String) {
        #expect(Timestamp(parsing: text)?.description == text)
    }

    @Test("bad times are refused", arguments: ["2026-02-30T00:00:00Z", "2026-11-29", "2026-11-29T25:00:00Z", "yesterday", ""])
    func badTimes(text: String) { #expect(Timestamp(parsing: text) == nil) }

    @Test("a day means midnight UTC; its end is the last millisecond")
    func days() {
        #expect(Timestamp.day("2026-11-29")?.description == "2026-11-29T00:00:00.000Z")
        #expect(Timestamp.endOfDay("2026-11-29")?.description == "2026-11-29T23:59:59.999Z")
        #expect(Timestamp.day("2026-13-01") == nil)
    }

    @Test("States resolve by code, ISO3 or name, ignoring case and diacritics", arguments: [
        "xa", "XAV", "avalonia", "AVALONIA", "Türkenland", "turkenland",
    ])
    func resolveState(query: String) { #expect(Fixture.states.resolve(query) != nil) }

    @Test("an unknown State names the closest ones")
    func didYouMean() {
        guard case .failure(let error) = Fixture.states.lookup("Avalonai") else { Issue.record("accepted"); return }
        #expect(error.suggestions.first == "Avalonia")
        #expect(error.description.hasPrefix("unknown State 'Avalonai'; did you mean 'Avalonia'"))
    }

    @Test("partners are hidden unless asked for")
    func partnersHidden() {
        #expect(Fixture.states.visible(includingPartners: false).map(\.code) == ["XA", "XB", "XT"])
        #expect(Fixture.states.visible(includingPartners: true).count == 4)
    }

    @Test("a valid catalog has no problems")
    func validCatalog() { #expect(Fixture.catalog.validate().isEmpty) }

    @Test("catalog validation finds duplicate ids, empty titles, unknown pillars and tags, untypeable ids")
    func invalidCatalog() {
        var catalog = Fixture.catalog
        catalog.pillars[0].id = "prevent"
        catalog.pillars[1].areas[0].actions[0].id = "PV-1"
        catalog.pillars[2].areas[0].actions[0].title = "  "
        catalog.pillars[3].areas[0].actions[0].tags = ["kids"]
        catalog.pillars[3].areas[0].actions[0].id = "PA 1"
        let messages = catalog.validate().map(\.description)
        #expect(messages.contains { $0.hasPrefix("pillars[0].id: unknown pillar 'prevent'") && $0.contains("did you mean 'prevention'") })
        #expect(messages.contains { $0.hasPrefix("pillars[1].areas[0].actions[0].id: duplicate id 'PV-1'") })
        #expect(messages.contains("pillars[2].areas[0].actions[0].title: empty title"))
        #expect(messages.contains { $0.hasPrefix("pillars[3].areas[0].actions[0].tags[0]: unknown tag 'kids'") })
        #expect(messages.contains { $0.hasPrefix("pillars[3].areas[0].actions[0].id: id 'PA 1' must be") })
    }

    @Test("source citations say whether the number was verified")
    func citation() {
        #expect(SourceReference(document: "PC.DEC/557", chapter: "V", section: "10", paragraph: "5", verified: true).citation
                == "PC.DEC/557, ch. V, sec. 10, para. 5 (verified)")
        #expect(SourceReference(document: "PC.DEC/557", chapter: "IV").citation == "PC.DEC/557, ch. IV (unverified)")
    }

    @Test("a report's change list reaches 30 days back by default")
    func defaultPeriod() {
        #expect(ExportFormat.defaultPeriodStart(before: Timestamp.endOfDay("2026-03-31")!).description == "2026-03-01T23:59:59.999Z")
    }

    @Test("JSON strings escape quotes, controls and line separators; HTML-safe on request")
    func jsonString() {
        #expect(JSONString.quote("a\"b\\c\n\u{1B}\u{2028}") == #""a\"b\\c\n\u001b\u2028""#)
        #expect(JSONString.quote("<b>&") == #""<b>&""#)
        #expect(JSONString.quote("<b>&", escapingHTML: true) == #""\u003cb\u003e\u0026""#)
    }
}
