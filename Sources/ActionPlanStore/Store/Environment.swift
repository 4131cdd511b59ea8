import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the store is: `--store`, else `$ACTIONPLAN_STORE`, else `$XDG_DATA_HOME/actionplan`,
/// else `~/.local/share/actionplan`.
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit, environment) }
        if let fromEnv = environment["ACTIONPLAN_STORE"], !fromEnv.isEmpty { return absolute(fromEnv, environment) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/actionplan" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/actionplan"
    }

    private static func absolute(_ path: String, _ environment: [String: String]) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// Who makes a change: `--by`, else `$ACTIONPLAN_USER`, else the login name.
public enum Author {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        for candidate in [explicit, environment["ACTIONPLAN_USER"], environment["USER"], environment["LOGNAME"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

/// Ids for new events: unique across machines, so two offices' journals merge without clashes.
public enum EventID {
    public static func make() -> String { UUID().uuidString.lowercased() }
}
