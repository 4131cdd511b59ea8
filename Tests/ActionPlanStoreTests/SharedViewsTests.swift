import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore

/// Shared saved views: `views.json` in the store, replaced by name, written atomically under the lock.
struct SharedViewsTests {
    @Test func savedViewsAreReadBackSortedAndReplacedByName() throws {
        let temp = try TempStore()
        #expect(try temp.store.sharedViews().isEmpty, "no file: no views")
        try temp.store.saveSharedView(SavedView(name: "zeta", screen: "matrix", sort: "progress"))
        try temp.store.saveSharedView(SavedView(name: "alpha", screen: "tree", state: "XA", status: "not-started"))
        try temp.store.saveSharedView(SavedView(name: "zeta", screen: "history"))
        #expect(try temp.store.sharedViews() == [
            SavedView(name: "alpha", screen: "tree", state: "XA", status: "not-started"),
            SavedView(name: "zeta", screen: "history"),
        ])
        #expect(try temp.read("views.json").hasPrefix("[\n"))
    }

    @Test func aDamagedFileIsAnErrorNamingIt() throws {
        let temp = try TempStore()
        try temp.write("views.json", "{not json")
        #expect(throws: StoreError.self) { try temp.store.sharedViews() }
        #expect(throws: StoreError.self) { try temp.store.saveSharedView(SavedView(name: "x")) }
        #expect(try temp.read("views.json") == "{not json", "a damaged file is never overwritten")
    }
}
