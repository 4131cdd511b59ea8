// swift-tools-version:6.0
import PackageDescription

/// Targets and the dependency rule are described in docs/architecture.md:
/// dependencies point inward, toward ActionPlanModel.
let package = Package(
    name: "ActionPlanTracker",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "ActionPlanExport", dependencies: ["ActionPlanModel"]),
        .target(name: "TrackerCore", dependencies: ["ActionPlanModel"]),
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TerminalDriver", dependencies: ["CNcurses", "TrackerCore"]),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "ActionPlanModel", "ActionPlanStore", "ActionPlanExport", "TrackerCore", "TerminalDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "actionplan-bench",
            dependencies: ["ActionPlanModel", "ActionPlanStore", "ActionPlanExport", "TrackerCore"],
            path: "Sources/actionplan-bench",
            exclude: ["export_baseline.py"]
        ),
        .testTarget(name: "ActionPlanModelTests", dependencies: ["ActionPlanModel"]),
        .testTarget(name: "ActionPlanStoreTests", dependencies: ["ActionPlanStore", "ActionPlanModel"]),
        .testTarget(name: "ActionPlanExportTests", dependencies: ["ActionPlanExport", "ActionPlanModel"], exclude: ["Goldens"]),
        .testTarget(name: "TrackerCoreTests", dependencies: ["TrackerCore", "ActionPlanModel"], exclude: ["Goldens"]),
        .testTarget(name: "CLITests", dependencies: ["ActionPlanModel"], exclude: ["BadInput"]),
        .testTarget(name: "TerminalDriverTests", dependencies: ["TerminalDriver", "TrackerCore"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
