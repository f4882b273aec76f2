#if canImport(Glibc)
import Glibc
#endif
import SieveFuzzing

/// libFuzzer's entry point (built only by `scripts/fuzz`): feeds each input to the target named by the
/// `SIEVE_FUZZ_TARGET` environment variable. libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

private let target: FuzzTarget = {
    let name = getenv("SIEVE_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        print("sieve-fuzz: SIEVE_FUZZ_TARGET '\(name)' is not a target; targets: \(names)")
        exit(2)
    }
    return target
}()
