// libFuzzer target: the strict JSON parser and what is computed from a parsed value.
// Built by scripts/fuzz.sh against the real ActionPlanStore sources; not part of the SwiftPM package.
@testable import ActionPlanStore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let value = try JSONParser.parse(bytes)
        _ = value.firstNonWholeNumber()
        _ = value.deepest(along: [.index(0), .key("code"), .index(1)])
        _ = SourceLocation(offset: value.offset, in: bytes)
        if let number = value.numberValue { _ = WholeNumber(number) }
    } catch {
        // Every error must point inside the input (or just past its end).
        precondition(error.offset >= 0 && error.offset <= bytes.count, "offset \(error.offset) outside 0...\(bytes.count)")
        _ = SourceLocation(offset: error.offset, in: bytes)
    }
    return 0
}
