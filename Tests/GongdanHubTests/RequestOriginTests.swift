import Testing
@testable import GongdanHub
import GongdanWeb

/// The pure rules of who sent a request: whose `X-Forwarded-For` is believed, and which form posts are same-origin.
@Suite("Request origin rules")
struct RequestOriginTests {
    @Test func forwardedForIsBelievedOnlyFromTheTrustedProxy() {
        // Off by default: a forged header from a process on the hub's own machine changes nothing
        #expect(RequestOrigin.client(peer: "127.0.0.1", forwardedFor: "198.51.100.7", trustedProxy: nil) == "127.0.0.1")
        // From the trusted proxy, the last address it appended counts (not one the client put in front)
        #expect(RequestOrigin.client(peer: "127.0.0.1", forwardedFor: "203.0.113.9, 198.51.100.7", trustedProxy: "127.0.0.1") == "198.51.100.7")
        // From anyone else, even with a proxy configured, the peer counts
        #expect(RequestOrigin.client(peer: "192.0.2.5", forwardedFor: "198.51.100.7", trustedProxy: "127.0.0.1") == "192.0.2.5")
        #expect(RequestOrigin.client(peer: "127.0.0.1", forwardedFor: " , ", trustedProxy: "127.0.0.1") == "127.0.0.1")
    }

    @Test func aFormPostIsSameOriginOnlyFromAPageOfThisHost() {
        // Same-origin pages, with and without the default port, and requests without the headers
        #expect(RequestOrigin.isSameOrigin(origin: "http://127.0.0.1:8080", fetchSite: "same-origin", host: "127.0.0.1:8080"))
        #expect(RequestOrigin.isSameOrigin(origin: "https://hub.example", fetchSite: nil, host: "hub.example"))
        #expect(RequestOrigin.isSameOrigin(origin: "https://HUB.example", fetchSite: nil, host: "hub.example:443"))
        #expect(RequestOrigin.isSameOrigin(origin: "http://[::1]:8080", fetchSite: nil, host: "[::1]:8080"))
        #expect(RequestOrigin.isSameOrigin(origin: nil, fetchSite: nil, host: "hub.example"))
        #expect(RequestOrigin.isSameOrigin(origin: nil, fetchSite: "none", host: nil))
        // Another site, another port, an opaque origin, a non-web scheme, or a browser that says cross-site
        #expect(!RequestOrigin.isSameOrigin(origin: "http://evil.example", fetchSite: nil, host: "hub.example"))
        #expect(!RequestOrigin.isSameOrigin(origin: "http://127.0.0.1:9999", fetchSite: nil, host: "127.0.0.1:8080"))
        #expect(!RequestOrigin.isSameOrigin(origin: "null", fetchSite: nil, host: "hub.example"))
        #expect(!RequestOrigin.isSameOrigin(origin: "file://hub.example", fetchSite: nil, host: "hub.example"))
        #expect(!RequestOrigin.isSameOrigin(origin: nil, fetchSite: "cross-site", host: "hub.example"))
        #expect(!RequestOrigin.isSameOrigin(origin: "http://hub.example", fetchSite: nil, host: nil))
    }
}
