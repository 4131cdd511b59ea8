import Testing
import TestSupport
@testable import ActionPlanStore

/// The journal prefix hash is taken 8 bytes at a time, and can be continued over appended bytes from
/// any prefix length: what checkpoints and trend caches record.
@Suite("PrefixHash: a prefix hash continued over appended bytes")
struct PrefixHashTests {
    @Test("a hash continued from any prefix length, over any pieces, equals the hash taken in one go (seeded property test)")
    func continuedEqualsWhole() {
        var random = SeededRandom(seed: 8)
        for round in 0..<300 {
            let bytes = (0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let whole = PrefixHash.of(bytes[...])
            // Cut at a random length, then continue in random pieces from what a checkpoint keeps: the value
            // and the prefix's last length % 8 bytes.
            let cut = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            let prefix = PrefixHash.of(bytes[..<cut])
            var hash = PrefixHash(continuing: prefix, last: bytes[(cut - cut % 8)..<cut])
            #expect(hash.value == prefix, "round \(round)")
            var at = cut
            while at < bytes.count {
                let piece = min(bytes.count - at, Int(random.next() % 13) + 1)
                hash.add(bytes[at..<at + piece])
                at += piece
            }
            #expect(hash.value == whole, "round \(round): cut at \(cut) of \(bytes.count)")
        }
    }

    @Test("any changed byte, and any added or removed byte, changes the hash")
    func sensitive() {
        let bytes = Array("{\"id\":\"e1\",\"time\":\"2026-01-01T00:00:00Z\"}\n{\"id\":\"e2\"}\n".utf8)
        let hash = PrefixHash.of(bytes[...])
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x01
            #expect(PrefixHash.of(changed[...]) != hash, "byte \(i)")
            var shorter = bytes
            shorter.remove(at: i)
            #expect(PrefixHash.of(shorter[...]) != hash, "without byte \(i)")
        }
        #expect(PrefixHash.of((bytes + [0])[...]) != hash)
        #expect(PrefixHash.prime &* PrefixHash.inverse == 1)
    }

    @Test("FNV-1a, recorded in files that outlive a version (catalog versions, batch checksums), keeps its values")
    func fnv1aIsStable() {
        #expect(FNV1a.of(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.of(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.of(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }
}
