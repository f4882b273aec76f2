import Foundation
import Glibc

/// A stage library loaded with `dlopen`, seen through its C entry point `sieve_stage_v1` (ABI version 1,
/// declared in `samples/dylib-stage-c/sieve_stage.h`). Never unloaded: unloading code that may still be
/// referenced is unsafe, and one run loads a library once.
///
/// `@unchecked Sendable`: it holds the library's state pointer and C function pointers, all set once in
/// `init`; the C contract requires `apply` to be safe on several threads at once.
final class StageLibrary: @unchecked Sendable {
    typealias Create = @convention(c) (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
        -> UnsafeMutableRawPointer?
    typealias Apply = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int,
                                      UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?) -> Int32
    typealias FreeBuffer = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void
    typealias Destroy = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias EntryPoint = @convention(c) () -> UnsafeRawPointer?

    /// The ABI version this Sieve loads.
    static let abiVersion: UInt32 = 1

    /// The name the library gives its stage.
    let name: String
    private let state: UnsafeMutableRawPointer?
    private let applyFunction: Apply
    private let freeFunction: FreeBuffer
    private let destroyFunction: Destroy

    /// Loads the library at `path`, checks its ABI version and creates its state from `options` (JSON).
    init(path: String, options: [UInt8]) throws(ExternalStageError) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ExternalStageError("cannot load '\(path)': \(dlerror().map { String(cString: $0) } ?? "unknown error")")
        }
        guard let symbol = dlsym(handle, "sieve_stage_v1") else {
            throw ExternalStageError("'\(path)' has no function sieve_stage_v1: is it a Sieve stage library built "
                + "with sieve_stage.h?")
        }
        guard let api = unsafeBitCast(symbol, to: EntryPoint.self)() else {
            throw ExternalStageError("'\(path)': sieve_stage_v1() returned NULL")
        }
        let version = api.load(as: UInt32.self)
        guard version == Self.abiVersion else {
            throw ExternalStageError("'\(path)' was built for Sieve stage ABI version \(version); this Sieve loads "
                + "version \(Self.abiVersion): rebuild it with sieve_stage.h version \(Self.abiVersion)")
        }
        let pointer = MemoryLayout<UnsafeRawPointer>.size
        guard let create = api.load(fromByteOffset: 2 * pointer, as: Create?.self),
              let apply = api.load(fromByteOffset: 3 * pointer, as: Apply?.self),
              let free = api.load(fromByteOffset: 4 * pointer, as: FreeBuffer?.self),
              let destroy = api.load(fromByteOffset: 5 * pointer, as: Destroy?.self) else {
            throw ExternalStageError("'\(path)': sieve_stage_v1() left a function pointer NULL")
        }
        name = api.load(fromByteOffset: pointer, as: UnsafePointer<CChar>?.self).map { String(cString: $0) } ?? path
        applyFunction = apply
        freeFunction = free
        destroyFunction = destroy
        var error: UnsafeMutablePointer<CChar>?
        let created = options.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { create($0.baseAddress, $0.count, &error) }
        }
        guard let created else {
            let message = error.map { String(cString: $0) } ?? "no reason given"
            if let error { free(error) }
            throw ExternalStageError("stage '\(name)' in '\(path)' refused its options: \(message)")
        }
        state = created
    }

    /// What `apply` answered.
    enum Answer {
        case keep([UInt8])
        case drop(String)
        case error(String)
    }

    /// Runs the library's `apply` on one document's JSON.
    func apply(_ document: [UInt8]) -> Answer {
        var output: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { applyFunction(state, $0.baseAddress, $0.count, &output, &length) }
        }
        let bytes = output.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        if let output { freeFunction(output) }
        switch status {
        case 0: return .keep(bytes)
        case 1: return .drop(String(decoding: bytes, as: UTF8.self))
        case 2: return .error(String(decoding: bytes, as: UTF8.self))
        default: return .error("apply returned \(status), not 0 (keep), 1 (drop) or 2 (error)")
        }
    }

    deinit {
        destroyFunction(state)
    }
}
