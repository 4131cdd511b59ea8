import Foundation

/// A fresh folder under the system temporary directory, removed when the test is done.
final class TemporaryFolder {
    let url: URL

    init(_ label: String = "e2e") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A path inside the folder (not created).
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
