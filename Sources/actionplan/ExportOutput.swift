import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore

/// `--output FILE` for the export commands: stdout by default, else an atomic write.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Sends the bytes where they were asked for; a file that cannot be written exits 65, and a file
    /// inside `store` (which could replace a journal or `store.json`) is refused with exit 64.
    func deliver(_ bytes: [UInt8], outside store: Store, what: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do { try store.refuseOutputInside(output) } catch {
            throw fail(error.description + "; nothing was written", code: ExitCodes.usage)
        }
        do { try FileIO.writeAtomically(Data(bytes), to: output) } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        Console.note("wrote \(what) to \(output) (\(bytes.count) bytes)")
    }
}

extension Tracker {
    /// Resolves repeated `--state` values to codes, in the order given, without duplicates.
    func requireStates(_ queries: [String]) throws -> [String] {
        var codes: [String] = []
        for query in queries {
            let code = try requireState(query).code
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }
}
