import Foundation

/// Formats dates found by `DateScanner` as ISO 8601.
enum ISODate {
    /// `YYYY-MM-DD`, `YYYY-MM` for month precision, or `YYYY-MM-DDTHH:MM:00+07:00` when a time is known.
    static func format(year: Int, month: Int, day: Int?, time: (hour: Int, minute: Int)? = nil, offset: String = "+07:00") -> String {
        var text = pad(year, 4) + "-" + pad(month, 2)
        guard let day else { return text }
        text += "-" + pad(day, 2)
        if let time { text += "T" + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":00" + offset }
        return text
    }

    /// A UTC offset written on a date line (`GMT+7`, `GMT+07:00`, `UTC+7`), as `+07:00`.
    static func offset(in line: String) -> String? {
        let upper = line.uppercased()
        guard let marker = upper.range(of: "GMT") ?? upper.range(of: "UTC") else { return nil }
        var rest = upper[marker.upperBound...].drop { $0 == " " }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst()
        let digits = rest.prefix { $0.isNumber }
        guard let hours = Int(digits), hours <= 14 else { return nil }
        var minutes = 0
        let afterHours = rest.dropFirst(digits.count)
        if afterHours.first == ":", let value = Int(afterHours.dropFirst().prefix { $0.isNumber }) { minutes = value }
        return String(sign) + pad(hours, 2) + ":" + pad(minutes, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
