import Foundation
import GongdanCore
import GongdanStore
import GongdanSync

extension NodeService {
    /// A sync with the hub this replica is set up for (`gongdan remote set`): over HTTP(S), trusting only
    /// the pinned CA and hub key. `describeError` words a failure as the clerk will read it later.
    public func syncSession(software: String,
                            describeError: @escaping @Sendable (any Error) -> String = { "\($0)" }) throws -> SyncSession {
        let settings = try store.syncSettings()
        guard let url = settings.hubURL.flatMap(URL.init(string:)), let token = settings.token else {
            throw SyncClientError.notConfigured
        }
        let hubCA = try settings.hubCA.map { try PinnedHubCA(pem: $0, source: "the CA pinned in \(store.path)") }
        let hubKey = try settings.hubKey.map { PinnedHubKey(publicKey: $0, node: try store.requireIdentity().code) }
        return SyncSession(store: store, transport: HTTPSyncTransport(baseURL: url, token: token, hubCA: hubCA, hubKey: hubKey),
                           software: software, now: now, describeError: describeError)
    }
}
