import Foundation
import GongdanCore
import GongdanDemo
import GongdanDesk
import GongdanHub
import GongdanStore
import GongdanText

/// The words of an error the command line meets beyond a node's own (``ErrorText``): its arguments and
/// files, the hub's TLS files and store, the demo, scoring and supervision parameters.
struct CommandErrorText: Sendable {
    let language: Language

    /// The message for `error`, without the `错误：` / `error: ` prefix; nil for an error that is not ours.
    func message(for error: any Error) -> String? {
        switch error {
        case let error as CLIError: cli(error)
        case let error as DeskError: error.message(in: language)
        case let error as HubTLSError: language.pick(Self.chinese(error), error.description)
        case let error as HubStoreError: error.description
        case let error as DemoError: error.description
        case let error as ScoringError: language.pick("评分参数有误：\(error.description)", error.description)
        case let error as SupervisionError: language.pick("督办参数有误：\(error.description)", error.description)
        default: ErrorText(language: language).message(for: error)
        }
    }

    func cli(_ error: CLIError) -> String {
        switch error {
        case .invalidNow(let text):
            return language.pick("环境变量 GONGDAN_NOW=\(text) 不是有效时间；可用格式：\(TimeInput.acceptedForms)",
                                 "GONGDAN_NOW=\(text) is not a time; use \(TimeInput.acceptedForms), or unset it to use the clock")
        case .invalidTime(let flag, let text):
            return language.pick("\(flag) \(text) 不是有效时间；可用格式：\(TimeInput.acceptedForms)",
                                 "\(flag) \(text) is not a time; use \(TimeInput.acceptedForms)")
        case .invalidExpiry(let text):
            return language.pick("--expires \(text) 无法识别；可用：天数（180d）、日期（2027-06-30，当天北京时间 24 时失效）或 ISO 8601 时间",
                                 "--expires \(text) is not an expiry; use \(ExpiryInput.acceptedForms)")
        case .invalidDate(let argument, let text):
            return language.pick("\(argument) \(text) 不是有效日期；可用格式：2026-09-28，或 \(TimeInput.acceptedForms)",
                                 "\(argument) \(text) is not a date; use 2026-09-28, or \(TimeInput.acceptedForms)")
        case .unreadableFile(let path, let reason):
            return language.pick("无法读取文件 \(path)：\(reason)", "cannot read \(path): \(reason)")
        case .unwritableFile(let path, let reason):
            return language.pick("未写入文件 \(path)：\(reason)", "did not write \(path): \(reason)")
        case .scheduleFile(let path, let error):
            return language.pick("节假日安排文件 \(path) 有误，未加载任何年份：\(error.description)", "\(path): \(error.description); nothing was loaded")
        case .integrityProblems(let count):
            return language.pick("副本检查发现 \(count) 个问题（见上文）；请从中心或备份恢复",
                                 "the replica check found \(count) problem(s) (listed above); restore from the hub or a backup")
        case .hubProblems(let count):
            return language.pick("中心历史审计发现 \(count) 个问题（见上文）；从备份恢复中心数据库，并让相关节点重新推送",
                                 "the hub audit found \(count) problem(s) (listed above); restore the hub database from a backup and have the nodes push again")
        }
    }

    /// The Chinese words of a TLS file problem (`hub serve --tls-cert/--tls-key`, `hub tls init`).
    static func chinese(_ error: HubTLSError) -> String {
        switch error {
        case .missingFile(let path, let flag):
            "\(flag) \(path)：文件不存在。请给出 gongdan hub tls init 生成的 PEM 文件（或自备的证书、私钥）；不用 TLS 时中心只应监听 127.0.0.1"
        case .unreadableFile(let path, let flag, let reason):
            "\(flag) \(path) 无法读取（\(reason)）。请让运行中心的用户能读取它，例如：chown gongdan \(path); chmod 600 \(path)"
        case .notPEM(let path, let flag, let expected):
            expected == .certificate
                ? "\(flag) \(path) 里没有 PEM 格式的证书（以 -----BEGIN CERTIFICATE----- 开头的文本）。请给出 gongdan hub tls init 生成的 hub.pem，或先用 openssl 转换"
                : "\(flag) \(path) 里没有 PEM 格式的私钥（以 -----BEGIN … PRIVATE KEY----- 开头的文本）。请给出 gongdan hub tls init 生成的 hub-key.pem，或先用 openssl 转换"
        case .keyDoesNotMatch(let certificate, let key):
            "私钥 \(key) 与证书 \(certificate) 不配套。请给出与该证书一同生成的私钥（hub.pem 旁边的 hub-key.pem）"
        case .alreadyExists(let path):
            "\(path) 已存在，未作改动（什么也没写入）。请换一个 --dir，或先把旧文件移走"
        case .invalidHost(let host):
            "--host \(host) 既不是 IP 地址也不是域名。请给出节点在中心网址里使用的名称或地址，例如 --host 10.0.0.5 --host hub.gangnan.local"
        case .unwritableFile(let path, let reason):
            "无法写入 \(path)（\(reason)）。请换一个当前用户可写的 --dir"
        }
    }
}
