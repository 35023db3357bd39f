import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird
import Logging

/// The sync API (`sync-protocol/README.md` §5): state, push and pull, each for the node whose
/// bearer token the request carries.
struct SyncController: Sendable {
    let store: HubStore
    let executor: StoreExecutor
    let projector: BackgroundProjector
    let order = PushOrder()
    let metrics: HubMetrics
    /// The hub's key, which signs every answer to a request that carries a nonce (``HubAnswerSignature``).
    let answerKey: NodeSigningKey?
    let now: @Sendable () -> Date

    /// Adds the routes under `group` (`/api/v1/sync`).
    func addRoutes(to group: RouterGroup<HubRequestContext>) {
        group.get("state") { request, _ in
            let node = try await authenticate(request)
            let store = store, time = now()
            let lastSeq = request.uri.queryParameters.get("lastSeq").flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
            let version = request.headers[.gongdanProtocol].flatMap { ProtocolVersion($0.trimmingCharacters(in: .whitespaces)) }
            let policy = request.uri.queryParameters.get("policy")
            let state = try await executor.run {
                try store.syncState(for: node, now: time, reportedLastSeq: lastSeq, protocol: version, policyDigest: policy)
            }
            order.stored(node: node.code, hubHas: state.hubHas)
            return try signed(JSONBody.encode(state), to: request, node: node)
        }
        group.post("push") { request, context in
            let node = try await authenticate(request)
            let received = ContinuousClock.now
            var decoded = received
            let answer = try await projector.push {
                let push = try await JSONBody.decode(PushRequest.self, from: request, limit: store.limits.maxBodyBytes) { buffer in
                    try buffer.withUnsafeReadableBytes { try PushRequest.decode(from: $0) }
                }
                let prepared = await executor.compute { ChainedEvent.all(push.events) }
                decoded = ContinuousClock.now
                let store = store, time = now()
                // A 1.3 node hears of the conflicts its events raise from a later answer or its pull:
                // its push is answered once stored, and folded after.
                let timing: HubStore.ProjectionTiming = push.protocol >= .deferredFolding ? .deferred : .immediate
                if case .earlierRefused(let hubHas) = await order.waitTurn(node: node.code, firstSeq: push.events.first?.id.seq) {
                    throw SyncError(.seqGap, "an earlier push of \(node.code) was refused while this one waited, and the hub holds its events up to seq \(hubHas): nothing of this push was stored — send from seq \(hubHas + 1) on, in order")
                }
                do {
                    let answer = try await executor.run { try store.ingest(push, prepared: prepared, from: node, now: time, projection: timing) }
                    order.stored(node: node.code, hubHas: answer.hubHas)
                    return answer
                } catch {
                    order.refused(node: node.code)
                    throw error
                }
            }
            metrics.recordPush(answer, storeTime: ContinuousClock.now - decoded)
            context.logger.info("push", metadata: [
                "node": "\(node.code)", "accepted": "\(answer.accepted)", "duplicates": "\(answer.duplicates)",
                "hubHas": "\(answer.hubHas)", "conflicts": "\(answer.conflicts.count)",
                "readMs": "\(Self.millis(decoded - received))", "storeMs": "\(Self.millis(ContinuousClock.now - decoded))",
            ])
            return try signed(JSONBody.encode(answer), to: request, node: node)
        }
        group.get("pull") { request, context in
            let node = try await authenticate(request)
            let query = request.uri.queryParameters
            guard let after = Int64(query.get("after") ?? "0"), after >= 0 else {
                throw SyncError(.malformed, "after=\(query.get("after") ?? "") is not a cursor: give the cursor of the last page (0 at first)")
            }
            guard let limit = Int(query.get("limit") ?? "\(store.limits.maxPullEvents)"), limit > 0 else {
                throw SyncError(.malformed, "limit=\(query.get("limit") ?? "") is not a positive number of events")
            }
            // A node pulls after reading the hub's clock in its state answer (its clock floor); its first
            // page reports its last local seq, signed (1.6: a report the token alone backs is not believed).
            let lastSeq = query.get("lastSeq").flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
            let proof = request.headers[.gongdanClockRead], offeredKey = request.headers[.gongdanNodeKey]
            let clockRead = lastSeq.flatMap { seq in proof.map { HubStore.ClockRead(lastSeq: seq, proof: $0, publicKey: offeredKey) } }
            let store = store, time = now()
            let page = try await executor.run {
                try store.pullEncoded(for: node, after: after, limit: limit, now: time, clockRead: clockRead)
            }
            metrics.recordPull(events: page.events)
            context.logger.debug("pull", metadata: ["node": "\(node.code)", "events": "\(page.events)", "cursor": "\(page.cursor)"])
            return try signed(page.body, to: request, node: node)
        }
    }

    /// The JSON answer `body`, signed with the hub's key when the request carries a nonce (1.6).
    func signed(_ body: [UInt8], to request: Request, node: RegisteredNode) throws -> Response {
        var response = JSONBody.response(encoded: body)
        if let answerKey, let nonce = request.headers[.gongdanNonce], HubAnswerSignature.isNonce(nonce) {
            response.headers[.gongdanSignature] = try HubAnswerSignature.sign(body: body, node: node.code, nonce: nonce, with: answerKey)
        }
        return response
    }

    /// A duration in whole milliseconds, for the log.
    static func millis(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// The node the request's bearer token belongs to: `401 unauthorized` without a known token,
    /// `403 credential_revoked` for a revoked one, `403 credential_expired` for one past its expiry,
    /// `403 role_forbidden` for the hotline platform's
    /// intake token.
    func authenticate(_ request: Request) async throws -> RegisteredNode {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw SyncError(.unauthorized, "the request carries no bearer token: send `Authorization: Bearer TOKEN` with the token `gongdan hub node add` printed for this node")
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let store = store
        guard let node = try await executor.run({ try store.authenticate(token: token) }) else {
            if try await executor.run({ try store.isIntakeToken(token) }) {
                throw SyncError(.roleForbidden, "this is the 12345 hotline platform's intake token; it works only on POST /api/v1/intake — a node syncs with the token `gongdan hub node add` printed for it")
            }
            throw SyncError(.unauthorized, "the bearer token is not one this hub issued; check the node's hub settings, or ask the hub operator to register the node")
        }
        try node.checkUsable(at: now())
        return node
    }
}
