import Crypto
import Foundation
import GongdanSync

/// The credential the fuzzed bundles are "signed" with (the hex SHA-256 of a token, as the hub keeps it).
private let credential = EventChain.hash(bytes: Array("gd_fuzz-token".utf8))

/// One libFuzzer input, read twice: as a whole bundle file (almost always refused at the proof),
/// and as the payload line of a file with a valid proof around it, so the payload parser is reached.
/// Either read must end in a bundle or a `SyncError` with a message — never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundleReader(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Data(UnsafeRawBufferPointer(start: start, count: count))
    read(input)
    let key = SymmetricKey(data: Array(credential.utf8))
    let proof = HMAC<SHA256>.authenticationCode(for: input, using: key).map { String(format: "%02x", $0) }.joined()
    read(Data((SyncBundle.header + "\n").utf8) + input + Data(("\n" + proof + "\n").utf8))
    return 0
}

private func read(_ file: Data) {
    for kind in [SyncBundle.Kind.push, .reply] {
        do {
            _ = try SyncBundle.decode(file, credentialHash: credential, kind: kind, node: "DX")
        } catch {
            precondition(!error.message.isEmpty, "a refusal without a message")
        }
    }
}
