import Testing
import ActionPlanModel
@testable import ActionPlanStore

/// The settings file: JSON with `//` comment lines, every problem at its line and column.
struct UserConfigTests {
    func parse(_ text: String) -> Result<UserConfig, UserConfig.Problems> { UserConfig.parse(Array(text.utf8)) }

    @Test func theExampleIsValidAndSaysWhatItSays() throws {
        let config = try parse(UserConfig.example).get()
        var expected = UserConfig(defaultState: "AT", exportFolder: "~/Documents/actionplan", theme: "default")
        expected.views = [SavedView(name: "children, not started", screen: "tree", state: "all", status: "not-started", tag: "children")]
        #expect(config.keys.map { [$0.name] + $0.keys } == [["note", "n", "w"], ["export", "X"]])
        expected.keys = config.keys
        #expect(config == expected)
    }

    @Test func commentLinesKeepLineNumbersTrue() throws {
        let text = "// a comment\n{\n  // another, indented\n  \"theme\": \"high-contrast\" // not a comment line: kept\n}\n"
        let problems = try #require(parse(text).failure)
        // Line 4 is line 4 of the file, comments included; a trailing // is not a comment line.
        #expect(problems.all.map(\.description) == ["4:28: expected ',' or '}' in object, found '/'"])
        #expect(try parse("// only comments\n{\"theme\": \"colour-blind\"}\n").get().theme == "colour-blind")
    }

    @Test(arguments: [
        ("{\n  \"defualtState\": \"AT\"\n}", "2:19: unknown key 'defualtState'; did you mean 'defaultState'? (valid: defaultState, exportFolder, theme, views, keys)"),
        ("{\"theme\": \"dark\"}", "1:11: unknown theme 'dark'"),
        ("{\"exportFolder\": 3}", "1:18: 'exportFolder' must be a string, found a number"),
        ("[1]", "1:1: expected an object { … }, found an array"),
    ])
    func problemsHaveLineColumnAndSuggestion(_ text: String, _ expected: String) throws {
        let problems = try #require(parse(text).failure)
        #expect(problems.all.first.map { $0.description.hasPrefix(expected) } == true, "\(problems.all)")
    }

    @Test func viewsAreCheckedFieldByField() throws {
        let problems = try #require(parse("{\"views\": [\n  {\"name\": \"a\", \"scren\": \"tree\"},\n  {\"screen\": \"matrix\"},\n  {\"name\": \"c\", \"sort\": 1}\n]}").failure)
        #expect(problems.all.map(\.description) == [
            "2:26: unknown view field 'scren'; did you mean 'screen'? (valid: name, screen, state, status, pillar, tag, changedSince, sort)",
            "3:3: a view needs a \"name\"",
            "4:25: the view's 'sort' must be a string, found a number",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let problems = try #require(parse("{\n\"theme\": \"dark\",\n\"colour\": \"x\"\n}").failure)
        #expect(problems.all.map(\.location.line) == [2, 3])
    }

    @Test func theLocationFollowsXDG() {
        #expect(ConfigLocation.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/actionplan/config.json")
        #expect(ConfigLocation.path(environment: ["HOME": "/h"]) == "/h/.config/actionplan/config.json")
        #expect(ConfigLocation.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/actionplan/config.json",
                "a relative XDG_CONFIG_HOME is ignored, as the spec says")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let failure) = self { failure } else { nil } }
}
