import Foundation
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync

/// The words of an error a clerk meets on a node (the CLI and the desk alike): Chinese renderings of the
/// domain's, the store's and the sync client's errors, English from their `description`.
public struct ErrorText: Sendable {
    /// How a message names what can be done instead.
    public enum NextSteps: Sendable {
        /// As `gongdan` commands (the CLI).
        case commands
        /// As the names of the forms on the ticket's page (the desk).
        case forms
    }

    public let language: Language
    public let nextSteps: NextSteps
    private var labels: Labels { Labels(language: language) }

    public init(language: Language, nextSteps: NextSteps = .commands) {
        self.language = language
        self.nextSteps = nextSteps
    }

    /// The message for `error`, without the `错误：` / `error: ` prefix; nil for an error that is not the
    /// domain's, the store's or the sync client's.
    public func message(for error: any Error) -> String? {
        switch error {
        case let error as TicketError: ticket(error)
        case let error as StoreError: store(error)
        case let error as PolicyError: language.pick(error.chineseDescription, error.description)
        case let error as CalendarError: language.pick("节假日安排有误：\(error.description)", error.description)
        case let error as HubCAError: language.pick(Self.chinese(error), error.description)
        case let error as SyncClientError:
            if case .refused(let refusal) = error { language.pick(sync(refusal), error.description) }
            else { Self.chinese(error).map { language.pick($0, error.description) } }
        case let error as SyncError: sync(error)
        case let error as BackupError: language.pick(Self.chinese(error), error.description)
        default: nil
        }
    }

    public func sync(_ error: SyncError) -> String {
        language == .zh ? SyncRefusalText.chinese(error) : error.description
    }

    public func ticket(_ error: TicketError) -> String {
        guard language == .zh else {
            if case .invalidInput(let message) = error { return "invalid input: \(message)" }
            return error.description
        }
        switch error {
        case .invalidInput(let message):
            return InvalidInputText.chinese(message) ?? "输入有误：\(message)"
        case .notAllowed(let ticket, let status, let action, let next):
            let commands = next.compactMap { hint in hint.range(of: "gongdan ").map { String(hint[$0.lowerBound...]) } }
            var text = "工单 \(ticket) 当前状态为「\(labels.status(status))」，不能「\(labels.action(action))」。"
            let why = Self.reason(status: status, action: action)
            text += why ?? ""
            if !commands.isEmpty {
                text += nextSteps == .commands ? "可执行：" + commands.joined(separator: "；")
                    : "可在本页办理：" + Self.actions(in: commands).map { "「\(labels.action($0))」" }.joined(separator: "、")
            } else if why == nil {
                text += next.isEmpty ? "该工单现在没有可执行的操作。" : next.joined(separator: "；")
            }
            return text
        case .roleForbidden(let role, let action):
            return "「\(labels.role(role))」节点不能「\(labels.action(action))」工单；\(Self.whoMay(action))"
        case .notAssignee(let ticket, let unit, let lead, let action):
            let holder = lead.map { "该工单由 \($0) 承办" } ?? "该工单尚未分派给任何单位"
            return "单位 \(unit) 不能「\(labels.action(action))」工单 \(ticket)：\(holder)。用 gongdan ticket list --unit \(unit) 核对工单编号。"
        case .unknownTicket(let code):
            return "本副本中没有工单 \(code)；用 gongdan ticket list 查看工单（分派给本单位的工单同步后才会到达）。"
        case .unknownUnit(let code):
            return "单位 \(code) 不在单位目录中；用 gongdan unit list 查看，或在工作站用 gongdan unit add \(code) --name 名称 --kind township|department 添加。"
        }
    }

    public func store(_ error: StoreError) -> String {
        guard language == .zh else { return error.description }
        switch error {
        case .notInitialized(let path):
            return "副本 \(path) 尚未初始化：运行 gongdan init --role workstation|township|department --node 代码 --name 名称（或用 --db / GONGDAN_DB 指向已有副本）"
        case .alreadyInitialized(let path, let node):
            return "副本 \(path) 已属于节点 \(node)；新节点请用另一个 --db 路径"
        case .newerSchema(let path):
            return "副本 \(path) 由更新版本的 gongdan 写入：请先升级 gongdan"
        case .corruptEvent(let origin, let seq, let reason):
            return "副本中的事件 \(origin)#\(seq) 无法读取（\(reason)）；运行 gongdan check，并从中心或备份恢复"
        case .syncRequired(let path, let reason):
            return "副本 \(path) \(reason == .restored ? "由备份恢复" : "从中心重新初始化")，可能缺少本节点已发送到中心的事件；未记录任何内容——请先运行 gongdan sync（取回这些事件），再重试该命令"
        case .storageFull(let path):
            return "副本 \(path) 所在磁盘已满：本次写入未保存任何内容（同步游标未移动）；请清理磁盘空间后重新运行该命令"
        case .wrongDatabase(let path, let isHub):
            return isHub
                ? "\(path) 是中心数据库，不是节点副本：请对它使用 gongdan hub … 命令（如 gongdan hub calendar load FILE --db \(path)），或用 --db / GONGDAN_DB 指向节点副本"
                : "\(path) 是节点副本，不是中心数据库：请对它使用节点命令，或用 --db / GONGDAN_HUB_DB 指向中心数据库"
        case .cannotOpen(let path, let reason):
            return "无法打开数据库 \(path)（\(reason)）；请检查路径和权限，或从备份恢复"
        }
    }

    /// The Chinese words of a refused backup or restore (nothing was written or replaced).
    public static func chinese(_ error: BackupError) -> String {
        switch error {
        case .targetExists(let path):
            "\(path) 已存在，什么也没有写入：请用 --out 换一个文件名，或加 --force 覆盖它"
        case .missingFile(let path):
            "\(path) 没有这个文件：请给出 gongdan backup --out（或 gongdan hub backup --out）写出的备份文件"
        case .notGongdanDatabase(let path, let reason):
            "\(path) 不是工单系统的数据库（\(reason)），什么也没有恢复：请给出 gongdan backup 或 gongdan hub backup 写出的文件"
        case .wrongKind(let path, let expected, let found):
            "\(path) 是\(found == .hub ? "中心" : "节点副本")的备份，不是\(expected == .hub ? "中心" : "节点副本")的，什么也没有恢复：请用 gongdan \(found == .hub ? "hub restore" : "restore") 恢复它"
        case .damaged(let path, let problems):
            "\(path) 未通过 SQLite 完整性检查（\(problems.prefix(3).joined(separator: "；"))），什么也没有恢复：请换用更早的备份"
        case .databaseExists(let path):
            "\(path) 已有数据库，什么也没有恢复：加 --force 替换它（原文件保留为 \(path).replaced-时间），或用 --db 恢复到另一个路径"
        case .io(let path, let reason):
            "无法写入 \(path)（\(reason)），什么也没有替换：请检查文件夹可写、磁盘未满"
        case .foreignSchema(let path, let differences):
            "\(path) 的表结构不是工单系统生成的（\(differences.prefix(5).joined(separator: "；"))\(differences.count > 5 ? "；…" : "")），什么也没有恢复：文件被改动过，请用自己做的备份，并把备份放在只有管理员能写的地方"
        }
    }

    /// The Chinese words of a `--hub-ca` file that cannot be pinned.
    public static func chinese(_ error: HubCAError) -> String {
        switch error {
        case .missingFile(let path):
            "--hub-ca \(path)：文件不存在。请从中心复制 ca.pem（gongdan hub tls init 生成的），再给出它的路径"
        case .unreadableFile(let path, let reason):
            "--hub-ca \(path) 无法读取（\(reason)）。请检查路径，以及当前用户能否读取它"
        case .notPEM(let path):
            "--hub-ca \(path) 里没有 PEM 格式的证书（以 -----BEGIN CERTIFICATE----- 开头的文本）。请给出 gongdan hub tls init 生成的 ca.pem"
        }
    }

    /// The Chinese words of a sync failure where there are some (a refused TLS check); nil: the English description.
    public static func chinese(_ error: SyncClientError) -> String? {
        switch error {
        case .tlsRefused(let url, let reason):
            "中心 \(url) 未通过 TLS 校验（\(reason)）：它的证书不是本节点固定的 CA 签发的、证书上没有网址里的主机名，或者对方不是 HTTPS。"
                + "什么也没有发送或保存。请核对网址；若中心换了 CA，请向中心管理员索取新的 ca.pem，再运行 gongdan remote set 网址 --token 令牌 --hub-ca ca.pem"
        case .wrongNode(let configured, let hubSays):
            "这个令牌在中心登记的是节点 \(hubSays)，不是 \(configured)：请粘贴中心为 \(configured) 打印的令牌（gongdan hub node add 或 rekey）"
        case .wrongRole(let node, let configured, let hubSays):
            "中心登记的节点 \(node) 的角色是 \(hubSays)，不是 \(configured)：请改用 --role \(hubSays)，或请中心管理员重新登记"
        case .unreachable(let url, let reason):
            "连不上中心 \(url)（\(chinese(reason))）。本机的工作照常进行，未发送的事件保存在本机，"
                + "下次同步时发送。请检查网络和中心是否在运行，稍后再试"
        case .answerNotSigned(let url, let fingerprint):
            "来自 \(url) 的答复没有本节点记下的中心密钥（指纹 \(fingerprint)）的有效签名：它在途中被改动过，或者答复的不是本区中心。"
                + "答复的内容一概没有保存。请检查到中心的网络；若中心确实重装并换了密钥，请向中心管理员索取密钥（gongdan hub info），再运行 gongdan remote set 网址 --token 令牌 --hub-key 密钥"
        default:
            nil
        }
    }

    /// The reason a hub could not be reached, in plain Chinese.
    public static func chinese(_ reason: UnreachableReason) -> String {
        switch reason {
        case .refused: "连接被拒绝：中心没有运行，或网址里的端口不对"
        case .timedOut: "中心没有及时答复"
        case .closedByHub: "中心断开了连接"
        case .cutDuringTLS: "加密连接建立时被中断"
        case .other: "网络错误"
        }
    }

    /// The actions `commands` (`gongdan ticket contact CODE --note TEXT` …) perform.
    static func actions(in commands: [String]) -> [TicketAction] {
        commands.compactMap { command in
            TicketAction.allCases.first { action in
                let verb = action.command(for: "").split(separator: " ").dropFirst(2).first
                return verb.map { command.hasPrefix("gongdan ticket \($0) ") || command == "gongdan ticket \($0)" } ?? false
            }
        }
    }

    /// Why the state refuses the action, where the core's hint is in English prose.
    private static func reason(status: TicketStatus, action: TicketAction) -> String? {
        switch (status, action) {
        case (.handling, .reply): "回复前须先记录与经营主体的联系（办结才规范）。"
        case (_, .decideExtension): "没有待审批的延期申请。"
        case (.handling, .extend): "已有延期申请等待工作站审批。"
        case (_, .close): "办公室只关闭已提级办理的工单，其他工单经评价办结。"
        default: nil
        }
    }

    private static func whoMay(_ action: TicketAction) -> String {
        switch action {
        case .dispatch, .decideExtension, .review, .evaluate, .escalate, .close, .merge:
            "只有工作站可以（承办单位不能审核或评价自己的工作）。"
        case .sign, .return, .extend, .refer, .reply:
            "只有工单分派到的镇街或部门可以。"
        default:
            "请联系工作站。"
        }
    }
}
