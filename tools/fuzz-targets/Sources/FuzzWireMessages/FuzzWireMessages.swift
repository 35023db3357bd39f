import Foundation
import GongdanCore
import GongdanSync

/// One libFuzzer input: decoded as a push body and as a pull page, each by the fast reader and by
/// `JSONDecoder`. Both must give the same value or both refuse; anything else is a crash to report.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireMessages(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let data = Data(bytes)
    let fastPush = try? PushRequest.decode(from: bytes)
    let referencePush = try? GongdanJSON.decodeStrictly(PushRequest.self, from: data)
    guard fastPush == referencePush else {
        fatalError("push decoded differently on the fast path (\(String(describing: fastPush))) and by JSONDecoder (\(String(describing: referencePush)))")
    }
    let fastPull = try? PullResponse.decode(from: bytes)
    let referencePull = try? GongdanJSON.decodeStrictly(PullResponse.self, from: data)
    guard fastPull == referencePull else {
        fatalError("pull page decoded differently on the fast path (\(String(describing: fastPull))) and by JSONDecoder (\(String(describing: referencePull)))")
    }
    return 0
}
