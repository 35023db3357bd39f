/// A value with a canonical JSON form (see `CanonicalJSONWriter` for the rules).
///
/// A conforming type writes its members in sorted key order and leaves out nil ones; the result
/// must equal, byte for byte, what `GongdanJSON.encoder()` writes for the value.
public protocol CanonicalJSONEncodable {
    /// Writes the value's canonical JSON.
    func writeCanonicalJSON(to writer: inout CanonicalJSONWriter)
}

extension CanonicalJSONEncodable {
    /// The value's canonical JSON as UTF-8 bytes: byte-stable, fit for hashing and signing.
    public func canonicalJSON() -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writeCanonicalJSON(to: &writer)
        return writer.bytes
    }

    /// The value's canonical JSON as text (the form of an event's `body` in the store).
    public func canonicalJSONString() -> String {
        String(decoding: canonicalJSON(), as: UTF8.self)
    }
}
