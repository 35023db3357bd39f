/// The version of this build of gongdan, reported to the hub and by `gongdan --version`.
enum GongdanVersion {
    static let current = "0.2.0"
}
