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
            case "đ":
                if scalars.count >= 3, scalars.last == "-", gdBeforeDash(scalars) { scalars.removeLast() }
                scalars.append(scalar)
            default:
                scalars.append(scalar)
            }
            lastWasSpace = false
        }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether the view ends with `gd-` (so `gd-đt` is written `gdđt`).
    private static func gdBeforeDash(_ scalars: String.UnicodeScalarView) -> Bool {
        var index = scalars.index(before: scalars.endIndex)
        index = scalars.index(before: index)
        guard scalars[index] == "d" else { return false }
        index = scalars.index(before: index)
        return scalars[index] == "g"
    }
}
