extension HubStore {
    /// What the operator decides about a conflict.
    public enum Resolution: Hashable, Sendable {
        /// Accept the automatic decision.
        case confirm
        /// Override it with an event of the hub's origin: a dispatch to `lead` (assignment and
        /// handed-over-reply conflicts), a correction to `value` (concurrent corrections), or a merge
        /// of the newer ticket into the older (duplicate intakes, no argument).
        case override(lead: String?, value: String?)
    }
}
