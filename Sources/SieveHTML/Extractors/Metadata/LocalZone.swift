import SieveCore

/// The UTC offset of the place a page is published, from its country-code domain (`.de`, `.com.br`), else
/// from its language where one zone dominates (`de`, `vi`, `ja`, `zh`, `ko`), with European summer time
/// (last Sunday of March to last Sunday of October). Used to move a UTC timestamp (WordPress/Yoast write
/// `article:published_time` in UTC) to the local day: `2022-11-06T23:00:00+00:00` on a `.de` page is
/// 7 November in Germany.
enum LocalZone {
    /// Kinds of zones: a fixed offset in minutes, or a European zone with summer time (its winter offset).
    private enum Zone { case fixed(Int), european(Int) }

    private static let byDomain: [String: Zone] = {
        var table: [String: Zone] = [:]
        for code in ["de", "at", "ch", "fr", "it", "es", "nl", "be", "lu", "pl", "cz", "sk", "hu", "si", "hr", "se", "no",
                     "dk", "rs", "ba", "li", "mt"] { table[code] = .european(60) }
        for code in ["uk", "ie", "pt"] { table[code] = .european(0) }
        for code in ["fi", "ee", "lv", "lt", "gr", "ro", "bg", "ua", "cy"] { table[code] = .european(120) }
        for (code, hours) in [("br", -3), ("ar", -3), ("uy", -3), ("co", -5), ("pe", -5), ("ec", -5), ("ve", -4),
                              ("bo", -4), ("jp", 9), ("kr", 9), ("cn", 8), ("tw", 8), ("hk", 8), ("sg", 8), ("my", 8),
                              ("ph", 8), ("vn", 7), ("th", 7), ("id", 7), ("bd", 6), ("pk", 5), ("ru", 3), ("tr", 3)] {
            table[code] = .fixed(hours * 60)
        }
        table["in"] = .fixed(330)
        return table
    }()

    private static let byLanguage: [String: Zone] = [
        "de": .european(60), "vi": .fixed(420), "ja": .fixed(540), "ko": .fixed(540), "zh": .fixed(480),
    ]

    /// The offset in minutes at the moment `utc` (a UTC timestamp) for a page on `host` in `language`, or nil.
    static func offset(at utc: DateValue, host: String?, language: String?) -> Int? {
        let domain = host.flatMap { $0.split(separator: ".").last.map { $0.lowercased() } }
        guard let zone = domain.flatMap({ byDomain[$0] }) ?? language.flatMap({ byLanguage[$0] }) else { return nil }
        switch zone {
        case .fixed(let minutes):
            return minutes
        case .european(let minutes):
            return isEuropeanSummerTime(utc) ? minutes + 60 : minutes
        }
    }

    /// The same moment written in local time at `offset` minutes.
    static func shifted(_ utc: DateValue, by offset: Int) -> DateValue? {
        let minutes = utc.dayOrdinal * 1440 + (utc.hour ?? 0) * 60 + (utc.minute ?? 0) + offset
        let day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        let civil = CivilDay(number: day)
        let clock = minutes - day * 1440
        return DateValue(year: civil.year, month: civil.month, day: civil.day, hour: clock / 60, minute: clock % 60, second: utc.second,
                         offsetMinutes: offset)
    }

    /// Whether European summer time is in force: from 01:00 UTC on the last Sunday of March to 01:00 UTC on
    /// the last Sunday of October.
    static func isEuropeanSummerTime(_ utc: DateValue) -> Bool {
        guard (3...10).contains(utc.month) else { return false }
        guard utc.month == 3 || utc.month == 10 else { return true }
        guard let last = DateValue(year: utc.year, month: utc.month, day: 31) else { return false }
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        let weekday = ((last.dayOrdinal % 7) + 7 + 4) % 7
        let sunday = 31 - weekday
        let afterSwitch = utc.day > sunday || (utc.day == sunday && (utc.hour ?? 0) >= 1)
        return utc.month == 3 ? afterSwitch : !afterSwitch
    }
}
