import Foundation

/// A comparison key for Vietnamese phrases: tone placement folded to the old style, lower case, dashes
/// unified, spaces collapsed, and `GD&ĐT`/`GD-ĐT` written as `GDĐT`. Used to match markers and merge names.
enum MatchKey {
    /// The key of a phrase.
    static func of<S: StringProtocol>(_ text: S) -> String {
        let folded = ToneMarks.fold(String(text)).lowercased()
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\u{00A0}":
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            case "\u{2013}", "\u{2014}", "\u{2212}":
                scalars.append("-")
            case "&":
                if let last = scalars.last, last == "d" { continue }
                scalars.append(scalar)
            default:
                scalars.append(scalar)
            }
            lastWasSpace = false
        }
        while scalars.last == " " { scalars.removeLast() }
        let key = String(scalars)
        return key.utf8.contains(0x2D) ? key.replacingOccurrences(of: "gd-đt", with: "gdđt") : key
    }
}
