import TerminalKit
import Foundation
import ArgumentParser
import ActionPlanModel

/// Every line this program prints for people passes through the one sanitizer (`TerminalSafe`).
///
/// Shadows `Swift.print` inside the executable, so no subcommand can forget it: a State name from
/// `states.json`, an event id from a journal, an author given with `--by $'x\e]2;…\a'` come out inert.
/// Line breaks are kept (tables span lines); everything else that could steer the terminal is replaced.
/// Machine output (`--format json`, exports) is written with `Swift.print` or as bytes, unchanged.
func print(_ text: String) {
    Swift.print(TerminalSafe.clean(text, keepNewlines: true))
}
