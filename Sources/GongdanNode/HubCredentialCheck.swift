import GongdanCore
import GongdanSync

/// `gongdan init --hub --token` asks the hub at once whether the token is this node's, before the
/// replica is made: a wrong token, another node's token or a hub that fails the TLS or signature check
/// is refused with nothing left behind; a hub that cannot be reached is said plainly, and the first sync
/// checks again.
public enum HubCredentialCheck: Sendable {
    /// The hub knows the token as this node, in this role; its state answer (with its signing key).
    case confirmed(SyncState)
    /// The hub could not be reached: nothing was checked.
    case unreachable(reason: UnreachableReason)

    /// Asks the hub over `transport` whether its token belongs to node `code` in `role`.
    public static func run(transport: any SyncTransport, node code: String, role: Role) async throws -> HubCredentialCheck {
        let state: SyncState
        do {
            state = try await transport.state()
        } catch SyncClientError.unreachable(_, let reason) {
            return .unreachable(reason: reason)
        }
        try ProtocolVersion.current.checkCompatible(withPeer: state.protocol, peerIs: .hub)
        guard state.node == code else { throw SyncClientError.wrongNode(configured: code, hubSays: state.node) }
        guard state.role == role else {
            throw SyncClientError.wrongRole(node: code, configured: role.rawValue, hubSays: state.role.rawValue)
        }
        return .confirmed(state)
    }
}
