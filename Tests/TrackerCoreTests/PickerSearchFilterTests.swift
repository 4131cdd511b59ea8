import Testing
import ActionPlanModel
@testable import TrackerCore

struct StatePickerTests {
    @Test(arguments: [
        ("", ["*", "XA", "XB", "XC"]), ("bor", ["XB"]), ("xc", ["XC"]), ("turk", ["XC"]), ("TÜRK", ["XC"]),
        ("all", ["*"]), ("a", ["*", "XA", "XB", "XC"]), ("zz", []), ("d", ["XB", "XC"]), ("xaa", ["XA"]),
    ])
    func filtersByCodeOrName(query: String, expected: [String]) {
        let state = Fixture.state()
        #expect(state.stateChoices(matching: query).map { $0.code ?? "*" } == expected)
    }

    @Test func theCodeThenNamesStartingWithTheQueryComeFirst() {
        let directory = StateDirectory([
            Participant(code: "XE", iso3: "XEE", name: "Eldor", kind: .participating, group: "fictional"),
            Participant(code: "XF", iso3: "XFF", name: "Fjord", kind: .participating, group: "fictional"),
            Participant(code: "XD", iso3: "XDD", name: "Dorland", kind: .participating, group: "fictional"),
        ])
        let state = AppState(tracker: Tracker(catalog: Fixture.catalog, directory: directory), options: AppOptions(storeName: "s"))
        #expect(state.stateChoices(matching: "dor").map { $0.code ?? "*" } == ["XD", "XE"])
        #expect(state.stateChoices(matching: "xf").map { $0.code ?? "*" } == ["XF"])
    }

    @Test func typingThenEnterChoosesTheState() {
        var state = Fixture.state()
        state.press(.character("S"))
        state.type("land")
        state.press(.enter)
        #expect(state.selection == .state("XC"))
        #expect(state.mode == .browsing)
    }

    @Test func pagesMoveTheHighlightWithinTheList() {
        var state = Fixture.state()
        state.press(.character("S"), .pageDown)
        guard case .statePicker(let picker) = state.mode else { Issue.record("picker closed"); return }
        #expect(picker.highlighted == 3, "four choices: All States and three States")
        state.press(.pageUp, .enter)
        #expect(state.selection == .all)
    }

    @Test func arrowsMoveTheHighlight() {
        var state = Fixture.state()
        state.press(.character("S"), .down, .down, .down, .up, .enter)
        #expect(state.selection == .state("XB"))
    }
}

struct SearchTests {
    @Test func incrementalSearchMovesTheCursorWhileTyping() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("train")
        #expect(state.tree.selectedNode == .action("PV-A-2"))
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        state.type("PR-B")
        #expect(state.tree.selectedNode == .area("PR-B"))
    }

    @Test func enterKeepsMatchesForNAndShiftN() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("train")
        state.press(.enter)
        #expect(state.search?.matches == [.action("PV-A-2"), .action("PR-B-2")])
        state.press(.character("n"))
        #expect(state.tree.selectedNode == .action("PR-B-2"))
        state.press(.character("n"))
        #expect(state.tree.selectedNode == .action("PV-A-2"), "wraps around")
        state.press(.character("N"))
        #expect(state.tree.selectedNode == .action("PR-B-2"))
        state.press(.escape)
        #expect(state.search == nil)
        state.press(.character("n"))
        guard case .noteEditor = state.mode else { Issue.record("n should edit the note once the search ended"); return }
    }

    @Test func searchFindsNotesIgnoringCaseAndDiacritics() {
        var state = Fixture.state()
        state.press(.character("/"))
        state.type("кампания")
        state.press(.enter)
        #expect(state.search?.matches == [.action("PV-A-1")])
        state.press(.character("/"))
        state.type("turkiye")
        state.press(.enter)
        #expect(state.search?.matches == [.action("PV-A-1")])
    }

    @Test func escapeInThePromptReturnsToWhereTheCursorWas() {
        var state = Fixture.state()
        state.press(.down)
        state.press(.character("/"))
        state.type("hotline")
        #expect(state.tree.selectedNode == .action("PV-A-3"))
        state.press(.escape)
        #expect(state.tree.selectedNode == .pillar("prosecution"))
        #expect(state.search == nil)
    }
}

struct FilterTests {
    @Test func statusFilterKeepsMatchingActionsAndTheirBranches() {
        var state = Fixture.state()
        state.press(.character("f"), .right, .right, .right, .right, .right, .enter)
        #expect(state.filter == TreeFilter(status: .implemented))
        state.expandAll()
        #expect(state.tree.visible.map { state.tree.items[$0].id } == [.pillar("prevention"), .area("PV-A"), .action("PV-A-1")])
        state.press(.character("F"))
        #expect(!state.filter.isActive)
        #expect(state.tree.items.count == 30)
    }

    @Test func pillarTagAndSinceCombine() {
        var state = Fixture.state()
        state.press(.character("f"), .down, .right, .down, .right, .down)
        state.type("2026-10-02")
        state.press(.enter)
        #expect(state.filter == TreeFilter(pillar: "prevention", tag: "children", changedSince: "2026-10-02"))
        #expect(state.tree.items.compactMap(\.id.actionID) == ["PV-A-1"])
    }

    @Test func aBadDateKeepsTheDialogOpenWithAnError() {
        var state = Fixture.state()
        state.press(.character("f"), .up)
        state.type("yesterday")
        state.press(.enter)
        guard case .form(let form) = state.mode else { Issue.record("dialog closed"); return }
        #expect(form.error == "“yesterday” is not a date like 2026-01-31")
    }

    @Test func historyFiltersByStateActionAuthorAndDate() {
        var state = Fixture.state()
        state.press(.character("4"))
        #expect(state.history.rows.count == 8)
        #expect(state.historyEventIDs.first == "e08", "newest first")
        state.press(.character("f"))
        state.type("Avalonia")
        state.press(.tab, .tab)
        state.type("alice")
        state.press(.enter)
        #expect(state.historyEventIDs == ["e08", "e02", "e01"])
        state.press(.character("f"), .tab)
        state.type("pv-a-1")
        state.press(.tab, .tab)
        state.type("2026-10-02")
        state.press(.enter)
        #expect(state.historyEventIDs == ["e02"])
        state.press(.character("F"))
        #expect(state.history.rows.count == 8)
    }

    @Test func historyFilterExplainsAnUnknownState() {
        var state = Fixture.state()
        state.press(.character("4"), .character("f"))
        state.type("Bordurai")
        state.press(.enter)
        guard case .form(let form) = state.mode else { Issue.record("dialog closed"); return }
        #expect(form.error?.contains("did you mean 'Borduria'") == true)
    }
}

struct ExportTests {
    @Test func exportDialogEmitsTheRequest() {
        var state = Fixture.state()
        state.press(.character("x"), .right, .right, .down, .right, .down)
        state.type("2026-10-31")
        state.press(.down, .control("u"))
        state.type("out/report.md")
        let effects = state.press(.enter)
        #expect(effects == [.export(ExportRequest(format: .markdown, scope: .allStates, asOf: "2026-10-31", path: "out/report.md"))])
        _ = update(&state, .exported("out/report.md"))
        #expect(state.message == Message("exported to out/report.md", kind: .success))
    }

    @Test func defaultsExportTheCurrentStateAsCSV() {
        var state = Fixture.state(readOnly: true)
        #expect(state.press(.character("x"), .enter) == [.export(ExportRequest(format: .csv, scope: .state("XA"), path: "actionplan-XA.csv"))])
        _ = update(&state, .exportFailed("permission denied"))
        #expect(state.message == Message("export failed: permission denied", kind: .error))
    }

    @Test func theProposedPathFollowsFormatAndScopeUntilTyped() {
        var state = Fixture.state()
        state.press(.character("x"), .right)
        #expect(state.press(.down, .character(" "), .enter)
                == [.export(ExportRequest(format: .json, scope: .allStates, path: "actionplan-all.json"))])
        state.press(.character("x"), .up)
        state.type("-mine")
        state.press(.up, .up, .up, .right)
        #expect(state.press(.enter) == [.export(ExportRequest(format: .json, scope: .state("XA"), path: "actionplan-XA.csv-mine"))])
    }
}
