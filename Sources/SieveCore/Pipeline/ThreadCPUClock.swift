import Glibc

/// CPU time used by the calling thread, for timing one page's work without counting other threads
/// (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, about 50 ns a reading).
public enum ThreadCPUClock {
    /// Nanoseconds of CPU the current thread has used.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Milliseconds of thread CPU `body` takes, with its result.
    public static func measure<R>(_ body: () throws -> R) rethrows -> (R, Double) {
        let start = now()
        let result = try body()
        return (result, Double(now() - start) / 1_000_000)
    }
}
