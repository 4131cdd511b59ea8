import Testing
import ActionPlanModel
import TerminalKit
@testable import TrackerCore

/// The colour themes of the settings file: what each promises about the status styles.
struct ThemeTests {
    func theme(_ name: ThemeName) -> Theme { Theme(AppOptions(storeName: "s", theme: name)) }

    @Test func colourBlindHasNoRedGreenPair() {
        let colours = Status.allCases.map { theme(.colourBlind).style($0).foreground }
        #expect(!colours.contains(.red) && !colours.contains(.green), "\(colours)")
        #expect(Set(colours).count == Status.allCases.count - 1, "distinct colours (not assessed keeps the default)")
    }

    @Test func highContrastDimsNothing() {
        let t = theme(.highContrast)
        #expect(Status.allCases.allSatisfy { !t.style($0).dim })
        #expect(t.dim == .plain)
        #expect(t.selected.bold && t.selected.reverse)
    }

    @Test func theDefaultIsUnchanged() {
        #expect(theme(.standard).style(.notStarted).foreground == .red)
        #expect(theme(.standard).style(.implemented).foreground == .green)
    }
}
