/// One sync at a time from the desk's "同步" button: a second press while one runs is told to wait.
actor SyncGate {
    private var running = false

    /// Takes the gate; false when a sync is already running.
    func enter() -> Bool {
        if running { return false }
        running = true
        return true
    }

    func leave() { running = false }
}
