import Foundation

/// Waiting for Ctrl-C (SIGINT) or SIGTERM without dying of it, so a command can shut down cleanly.
enum InterruptSignal {
    /// Holds the signal sources alive and resumes the waiter once.
    private final class Waiter: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Int32, Never>?
        var sources: [any DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

        func fire(_ signal: Int32) {
            let waiting = lock.withLock { () -> CheckedContinuation<Int32, Never>? in
                defer { continuation = nil }
                return continuation
            }
            waiting?.resume(returning: signal)
        }
    }

    /// Returns the signal once SIGINT or SIGTERM arrives; until then they no longer end the process.
    @discardableResult
    static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let waiter = Waiter(continuation)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { waiter.fire(number) }
                source.resume()
                waiter.sources.append(source)
            }
        }
    }
}
