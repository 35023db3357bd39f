import Foundation

/// Runs async work from a synchronous command's `run()` and waits for it: the commands stay
/// `ParsableCommand`s (one error path in ``Gongdan/main()``) while sync and the hub use async IO.
enum AsyncBridge {
    private final class Box<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}
