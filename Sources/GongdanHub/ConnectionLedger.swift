import Synchronization

/// The connections each client address holds open at one server, shared by all its connections.
final class ConnectionLedger: Sendable {
    let maxPerAddress: Int
    /// The address that is never limited (the trusted reverse proxy's).
    let exempt: String?
    private let open = Mutex<[String: Int]>([:])

    init(maxPerAddress: Int, exempt: String?) {
        self.maxPerAddress = maxPerAddress
        self.exempt = exempt
    }

    /// Counts a new connection from `address`; false (and not counted) when the address holds its maximum.
    func admit(_ address: String) -> Bool {
        guard address != exempt else { return true }
        return open.withLock { open in
            let held = open[address, default: 0]
            guard held < maxPerAddress else { return false }
            open[address] = held + 1
            return true
        }
    }

    /// Forgets a connection `admit` counted.
    func release(_ address: String) {
        guard address != exempt else { return }
        open.withLock { open in
            let held = open[address, default: 0] - 1
            open[address] = held > 0 ? held : nil
        }
    }

    /// The connections `address` holds (for tests and metrics).
    func held(by address: String) -> Int {
        open.withLock { $0[address, default: 0] }
    }
}
