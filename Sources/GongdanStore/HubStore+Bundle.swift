import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// What importing a push bundle did, and the reply bundle for the node.
    public struct BundleImport: Sendable {
        public var node: String
        public var accepted: Int
        public var duplicates: Int
        public var conflicts: [ConflictNotice]
        /// Events in the reply's pages.
        public var replyEvents: Int
        /// The reply bundle file's bytes, for `gongdan bundle import` on the node.
        public var reply: Data
    }

    /// Applies a node's push bundle exactly as its pushes would be applied over HTTP (each batch
    /// through ``ingest(_:prepared:from:now:)``, idempotent), then writes the reply: the answer to
    /// each push, the node's feed after the cursor it exported with, and the district policy.
    ///
    /// The bundle must carry the proof of the node's credential; a node unknown or revoked here, a
    /// bad proof, a batch of another node — each is refused with its `SyncError`. Batches are
    /// applied one by one: a refusal leaves the batches before it stored (they are valid on their
    /// own) and says which one failed.
    public func importBundle(_ file: Data, now: Date) throws(SyncError) -> BundleImport {
        let code = try SyncBundle.node(in: file)
        let credential: (node: RegisteredNode, hash: String)? = try syncRead { db in
            guard let node = try Self.registeredNode(db, code: code),
                  let hash = try String.fetchOne(db, sql: "SELECT token_hash FROM nodes WHERE code = ?", arguments: [code])
            else { return nil }
            return (node, hash)
        }
        guard let credential else {
            throw SyncError(.unauthorized, "node \(code) is not registered at this hub; register it with `gongdan hub node add \(code)` and give it the credential")
        }
        do {
            try credential.node.checkUsable(at: now)
        } catch {
            throw SyncError(error.code, "\(error.message); the bundle is refused")
        }
        let bundle = try SyncBundle.decode(file, credentialHash: credential.hash, kind: .push, node: code)
        var results: [PushResponse] = []
        for (index, push) in bundle.payload.pushes.enumerated() {
            do {
                results.append(try ingest(push, from: credential.node, now: now))
            } catch {
                throw SyncError(error.code, "batch \(index + 1) of \(bundle.payload.pushes.count) was refused (the ones before it are stored): \(error.message)")
            }
        }
        var pages: [PullResponse] = []
        var cursor = bundle.payload.cursor
        while true {
            let page = try pull(for: credential.node, after: cursor, limit: limits.maxPullEvents)
            pages.append(page)
            guard page.more, page.cursor > cursor else { break }
            cursor = page.cursor
        }
        cursor = max(cursor, pages.last?.cursor ?? cursor)
        let policy = try syncRead { db in try Self.syncedPolicy(db) }
        // A 1.6 node checks the reply against the hub's key (a 1.5 node could not read the signature line).
        let signer = bundle.payload.protocol >= .signedAnswers ? try syncRead { db in try answerKey(db) } : nil
        let reply = SyncBundle(.init(kind: .reply, node: code, createdAt: now, cursor: cursor, results: results, pages: pages,
                                     policy: policy, hubKey: signer?.publicKey))
        let bytes: Data
        do {
            bytes = try reply.encoded(credentialHash: credential.hash, signedBy: signer)
        } catch {
            throw SyncError(.storage, "the hub could not write the reply bundle (\(error)); import the bundle again")
        }
        return BundleImport(node: code, accepted: results.reduce(0) { $0 + $1.accepted },
                            duplicates: results.reduce(0) { $0 + $1.duplicates }, conflicts: results.flatMap(\.conflicts),
                            replyEvents: pages.reduce(0) { $0 + $1.events.count }, reply: bytes)
    }
}
