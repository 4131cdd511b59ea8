import Testing
import TestSupport
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// The Dashboard's pictures in text: the monthly trend per pillar and the most and least implemented actions.
@Suite struct DashboardTrendTests {
    /// The fixture plus fourteen months of fictional history, so the Dashboard's twelve months are a window:
    ///
    /// ```
    /// XB PV-A-2  2025-09 not started ── 2026-01 in progress ── 2026-06 implemented
    /// XC PR-A-1  2025-11 in progress ── 2026-04 partially implemented
    /// XC PT-A-1  2025-10 implemented ── 2026-02 undone (back to not assessed)
    /// XA PS-A-1  2026-03 not applicable
    /// ```
    static var longHistory: Tracker {
        func e(_ id: String, _ time: String, _ state: String, _ action: String, _ status: Status, undoes: String? = nil) -> ChangeEvent {
            ChangeEvent(id: id, time: Fixture.time(time), author: "erin", state: state, action: action, status: status, undoes: undoes)
        }
        return Fixture.tracker(events: Fixture.events + [
            e("h1", "2025-09-15T09:00:00Z", "XB", "PV-A-2", .notStarted),
            e("h2", "2026-01-15T09:00:00Z", "XB", "PV-A-2", .inProgress),
            e("h3", "2026-06-15T09:00:00Z", "XB", "PV-A-2", .implemented),
            e("h4", "2025-11-15T09:00:00Z", "XC", "PR-A-1", .inProgress),
            e("h5", "2026-04-15T09:00:00Z", "XC", "PR-A-1", .partiallyImplemented),
            e("h6", "2025-10-15T09:00:00Z", "XC", "PT-A-1", .implemented),
            e("h7", "2026-02-15T09:00:00Z", "XC", "PT-A-1", .notAssessed, undoes: "h6"),
            e("h8", "2026-03-15T09:00:00Z", "XA", "PS-A-1", .notApplicable),
        ])
    }

    static func dashboard(_ tracker: Tracker = longHistory, ascii: Bool = false, size: Size) -> AppState {
        var state = AppState(tracker: tracker, options: AppOptions(storeName: "fixture-store", initialState: "XA", ascii: ascii))
        _ = update(&state, .resize(size))
        _ = update(&state, .tick(Fixture.time("2026-11-29T05:10:00Z")))
        state.press(.character("3"))
        return state
    }

    @Test(arguments: [(Size(width: 80, height: 24), false), (Size(width: 80, height: 24), true), (Size(width: 120, height: 40), false)])
    func dashboardWithTwelveMonths(_ size: Size, _ ascii: Bool) {
        let state = Self.dashboard(ascii: ascii, size: size)
        Golden.check(render(state, size: size).plainText(), named: "dashboardTrend\(ascii ? "-ascii" : "")-\(size.width)x\(size.height)")
    }

    @Test func theTrendIsTheLastTwelveMonthEndsOfTheVisibleStates() throws {
        let state = Self.dashboard(size: Size(width: 80, height: 24))
        let series = try #require(state.trend.series)
        #expect(series.points.map(\.month) == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
                                               "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(series.points.last?.instant == Fixture.time("2026-11-29T05:10:00Z"))
        // The last point is the present: the same figures as the bars of "All States".
        #expect(series.points.last?.overall.counts.filter { $0.value > 0 } == state.figures.all.overall.counts.filter { $0.value > 0 })
        #expect(DashboardTrendView.spark([0, 0.2, 0.5, 0.99, 1, nil], ascii: false) == "▁▂▅██·")
        #expect(DashboardTrendView.spark([0, 0.2, 0.5, 0.99, 1, nil], ascii: true) == "_.=## ")
    }

    @Test func smallTerminalsDropWholePartsNeverHalfOfOne() {
        // 24 rows: bars, trend, three actions each; no count per status. 32 rows: the counts come back.
        let short = render(Self.dashboard(size: Size(width: 80, height: 24)), size: Size(width: 80, height: 24)).plainText()
        #expect(short.contains("Trend, All States") && short.contains("Most implemented") && !short.contains("Count per status"))
        let taller = render(Self.dashboard(size: Size(width: 80, height: 32)), size: Size(width: 80, height: 32)).plainText()
        #expect(taller.contains("Count per status") && taller.contains("× Not applicable"))
        #expect(taller.components(separatedBy: "\n").filter { $0.contains("% PV-") || $0.contains("% PR-") || $0.contains("% PT-") || $0.contains("% PS-") }.count == 3)
        let tall = render(Self.dashboard(size: Size(width: 80, height: 40)), size: Size(width: 80, height: 40)).plainText()
        #expect(tall.components(separatedBy: "\n").filter { $0.contains("% PV-") || $0.contains("% PR-") || $0.contains("% PT-") || $0.contains("% PS-") }.count == 5)
    }

    /// A tracker as a store read through checkpoints holds it: the present, and each action's newest event.
    static var partialHistory: Tracker {
        var partial = longHistory
        for (code, journal) in partial.journals {
            partial.journals[code] = Journal(state: code, windows: journal.windows(keep: 1, recent: 0), newest: 1)
        }
        return partial
    }

    @Test func aStoreReadThroughCheckpointsAsksTheRunnerForTheTrendNotForTheWholeHistory() throws {
        let complete = Self.longHistory
        let partial = Self.partialHistory
        #expect(!partial.isHistoryComplete)
        var state = AppState(tracker: partial, options: AppOptions(storeName: "fixture-store", initialState: "XA"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        _ = update(&state, .tick(Fixture.time("2026-11-29T05:10:00Z")))
        let effects = state.press(.character("3"))
        let request = try #require(state.trend.pending)
        #expect(effects == [.loadTrend(request)])
        #expect(request.states == state.states.map(\.code) && request.through == Fixture.time("2026-11-29T05:10:00Z")
                && request.months == DashboardTrend.months && request.pillars == complete.catalog.pillars)
        #expect(state.trend.series == nil)
        #expect(render(state, size: Size(width: 80, height: 24)).plainText().contains("reading the trend…"))
        // The runner's answer (what the store folds: the trend of the whole history) is shown; the tracker
        // keeps its recent history.
        let series = TrendSeries(tracker: complete, states: request.states, pillars: request.pillars, through: request.through,
                                 months: request.months)
        _ = update(&state, .trendLoaded(request, series))
        #expect(state.trend.series == series)
        #expect(state.trend.pending == nil)
        #expect(!state.tracker.isHistoryComplete)
        #expect(render(state, size: Size(width: 80, height: 24)).plainText()
                == render(Self.dashboard(size: Size(width: 80, height: 24)), size: Size(width: 80, height: 24)).plainText())
        // Leaving and coming back asks nothing more.
        #expect(state.press(.character("1"), .character("3")).isEmpty)
    }

    @Test func aSaveOrAReloadOnTheDashboardAsksAgainAndAnOlderAnswerIsDropped() throws {
        var state = AppState(tracker: Self.partialHistory, options: AppOptions(storeName: "fixture-store", initialState: "XA"))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        _ = update(&state, .tick(Fixture.time("2026-11-29T05:10:00Z")))
        _ = state.press(.character("3"))
        let first = try #require(state.trend.pending)
        let shown = TrendSeries(pillarIDs: first.pillars.map(\.id), points: [])
        _ = update(&state, .trendLoaded(first, shown))
        let effects = update(&state, .saved([ChangeEvent(id: "new", time: Fixture.time("2026-11-20T00:00:00Z"), author: "alice",
                                                         state: "XC", action: "PS-B-2", base: [], status: .implemented)]))
        let second = try #require(state.trend.pending)
        #expect(effects == [.loadTrend(second)] && second != first)
        #expect(state.trend.series == shown, "the last trend stays on screen while the store folds the new one")
        _ = update(&state, .trendLoaded(first, TrendSeries(pillarIDs: [], points: [])))
        #expect(state.trend.series == shown && state.trend.pending == second, "an answer to an older request is dropped")
        #expect(update(&state, .storeReloaded(Self.partialHistory)).count == 1)
        let third = try #require(state.trend.pending)
        _ = update(&state, .trendFailed(third, "disk on fire"))
        #expect(state.trend.pending == nil && state.message?.text.contains("disk on fire") == true)
        // Elsewhere than on the Dashboard, a save asks nothing.
        _ = state.press(.character("1"))
        #expect(update(&state, .saved([])).isEmpty)
    }

    @Test func aSaveOnTheDashboardRefreshesTheTrend() throws {
        var state = Self.dashboard(size: Size(width: 80, height: 24))
        let before = try #require(state.trend.series?.points.last?.overall.count(.implemented))
        _ = update(&state, .saved([ChangeEvent(id: "new", time: Fixture.time("2026-11-20T00:00:00Z"), author: "alice", state: "XC",
                                               action: "PS-B-2", base: [], status: .implemented)]))
        #expect(state.trend.series?.points.last?.overall.count(.implemented) == before + 1)
    }

    @Test func hostileActionTitlesAreInert() {
        var tracker = Self.longHistory
        tracker.catalog.pillars[0].areas[0].actions[0].title = "Evil \u{1B}[2J\u{9B}31m title\u{07}"
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let screen = render(Self.dashboard(tracker, size: size), size: size)
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains(where: TerminalSafetyTests.isControl) })
            #expect(screen.plainText().contains("Evil ␛[2J"))
        }
    }
}
