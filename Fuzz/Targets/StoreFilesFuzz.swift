// libFuzzer target: store.json, catalog.json and states.json as the store decodes them.
// The first byte chooses the file; the rest is its content.
@testable import ActionPlanStore
import ActionPlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStoreFiles(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        if let manifest = try? StoreManifest.decode(bytes, file: "store.json") {
            precondition(manifest.format >= 1 && manifest.format <= StoreManifest.currentFormat, "format \(manifest.format) accepted")
            _ = manifest.encoded()
        }
    case 1:
        if let (catalog, root) = try? CatalogLoader.decodeCatalog(bytes, file: "catalog.json") {
            _ = CatalogLoader.problems(in: catalog, root: root, bytes: bytes, file: "catalog.json")
            _ = catalog.trackableActions.count
            if let first = catalog.allActions.first { _ = catalog.lookupAction(first.id.lowercased()) }
        }
    default:
        if let directory = try? CatalogLoader.decodeStates(bytes, file: "states.json") {
            for state in directory.all { precondition(SafePath.codeProblem(state.code) == nil, "unsafe code \(state.code) accepted") }
            _ = directory.lookup("Avalonia")
        }
    }
    return 0
}
