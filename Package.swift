// swift-tools-version:6.0
import PackageDescription

/// Targets and the dependency rule are described in docs/architecture.md:
/// dependencies point inward, toward ActionPlanModel.
///
/// Linux only: the store and the driver use Glibc (`flock`, `fsync`, `st_mtim`, signals) and ncursesw
/// as Debian ships it, so no Apple platform is declared.
let package = Package(
    name: "ActionPlanTracker",
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "ActionPlanModel"),
        .target(
            name: "ActionPlanResources",
            path: "Resources",
            sources: ["EmbeddedResources.swift"],
            resources: [.copy("catalog.json"), .copy("states.json")]
        ),
        .target(name: "ActionPlanStore", dependencies: ["ActionPlanModel", "ActionPlanResources"]),
        .target(name: "ActionPlanExport", dependencies: ["ActionPlanModel", "TerminalKit", "ZIPFoundation"]),
        .target(name: "TerminalKit", dependencies: ["ActionPlanModel"]),
        .target(name: "TrackerCore", dependencies: ["ActionPlanModel", "TerminalKit"]),
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalDriver", dependencies: ["CNcurses", "TerminalKit"]),
        .target(name: "TrackerApp", dependencies: ["ActionPlanModel", "ActionPlanStore", "ActionPlanExport", "TerminalKit", "TrackerCore"]),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "ActionPlanModel", "ActionPlanStore", "ActionPlanExport", "TerminalKit", "TrackerCore", "TrackerApp", "TerminalDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "actionplan-bench",
            dependencies: ["ActionPlanModel", "ActionPlanStore", "ActionPlanExport", "TerminalKit", "TrackerCore", "TrackerApp"],
            path: "Sources/actionplan-bench",
            exclude: ["export_baseline.py"]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ActionPlanModelTests", dependencies: ["ActionPlanModel", "TestSupport"]),
        .testTarget(name: "ActionPlanStoreTests", dependencies: ["ActionPlanStore", "ActionPlanModel", "TestSupport"]),
        .testTarget(name: "ActionPlanExportTests", dependencies: ["ActionPlanExport", "ActionPlanModel", "TerminalKit", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "TrackerCoreTests", dependencies: ["TrackerCore", "TerminalKit", "ActionPlanModel", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "CLITests", dependencies: ["ActionPlanModel", "TestSupport"], exclude: ["BadInput"]),
        .testTarget(name: "TerminalDriverTests", dependencies: ["TerminalDriver", "TerminalKit"]),
        .testTarget(name: "TrackerAppTests", dependencies: ["TrackerApp", "TerminalKit", "TrackerCore", "ActionPlanStore", "ActionPlanModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
