import Foundation
import Testing
@testable import GongdanHub

@Suite("Push order at the hub")
struct PushOrderTests {
    @Test func aPushThatStartsPastWhatTheHubHoldsWaitsForTheEarlierOneAndAnInOrderPushDoesNot() async throws {
        // Given a hub that holds seqs 1…10 of DX
        let order = PushOrder(patience: .seconds(5))
        order.stored(node: "DX", hubHas: 10)

        // When the push of 21… arrives before the push of 11…20 is stored
        let clock = ContinuousClock()
        let early = Task { let start = clock.now; let turn = await order.waitTurn(node: "DX", firstSeq: 21); return (turn, clock.now - start) }
        try await Task.sleep(for: .milliseconds(100))
        // Then the in-order push goes at once, and the early one goes once 11…20 are stored
        let inOrder = clock.now
        #expect(await order.waitTurn(node: "DX", firstSeq: 11) == .go)
        #expect(clock.now - inOrder < .seconds(2))  // far below the patience: it did not wait for it
        order.stored(node: "DX", hubHas: 20)
        let (turn, waited) = await early.value
        #expect(turn == .go)
        #expect(waited >= .milliseconds(100) && waited < .seconds(5))
    }

    @Test func aPushWaitsNoLongerThanThePatienceAndAnUnknownNodeDoesNotWait() async {
        // Given a hub that holds seqs 1…10 of DX and waits at most 50 ms
        let order = PushOrder(patience: .milliseconds(50))
        order.stored(node: "DX", hubHas: 10)
        let clock = ContinuousClock()
        // When a push of 500… comes and 11… never does, it goes after the patience (to be refused as a gap)
        let start = clock.now
        #expect(await order.waitTurn(node: "DX", firstSeq: 500) == .go)
        #expect(clock.now - start >= .milliseconds(50))
        // And a node the hub has not heard from in this run goes at once
        let patient = PushOrder(patience: .seconds(5))
        let unknown = clock.now
        #expect(await patient.waitTurn(node: "QX", firstSeq: 500) == .go)
        #expect(clock.now - unknown < .seconds(2))
    }

    @Test func aPushWaitingForOneThatIsRefusedIsRefusedAtOnceWithWhatTheHubHolds() async throws {
        // Given a hub that holds seqs 1…10 of DX, and the push of 21… waiting for the push of 11…20
        let order = PushOrder(patience: .seconds(30))
        order.stored(node: "DX", hubHas: 10)
        let waiting = Task { await order.waitTurn(node: "DX", firstSeq: 21) }
        try await Task.sleep(for: .milliseconds(50))

        // When the push of 11…20 is refused
        order.refused(node: "DX")

        // Then the waiting push is told so (it will not reach the store), long before the patience runs out
        #expect(await waiting.value == .earlierRefused(hubHas: 10))
    }
}
