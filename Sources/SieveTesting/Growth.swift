#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that work grows linearly with its input: time the same work on a small input and on one four
/// times larger, and compare (`Growth.ratio(...) <= 8` allows noise, catches n²: 16).
///
/// ```swift
/// let ratio = try Growth.ratio(small: { try convert(lines: 5_000) }, large: { try convert(lines: 20_000) })
/// #expect(ratio <= 8)
/// ```
///
/// Times are CPU seconds of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), the best of `runs` calls, so a
/// busy machine (other processes taking the cores) does not skew the ratio as wall-clock time would.
public enum Growth {
    /// CPU seconds the calling thread spent in the fastest of `runs` calls of `work`.
    public static func cpuSeconds(runs: Int = 3, _ work: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(runs, 1) {
            let start = threadCPUSeconds()
            try work()
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    /// `cpuSeconds(large) / cpuSeconds(small)`.
    public static func ratio(runs: Int = 3, small: () throws -> Void, large: () throws -> Void) rethrows -> Double {
        let smallTime = try cpuSeconds(runs: runs, small)
        let largeTime = try cpuSeconds(runs: runs, large)
        return largeTime / max(smallTime, 1e-9)
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
