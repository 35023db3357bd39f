import GongdanSync

/// The Chinese words of the hub's refusals (the one home of them): what the clerk sees, what happened to
/// the events and what to do. The English text is the refusal's own.
public enum SyncRefusalText {
    /// `clock_behind`: an event is stamped below its node's earlier events or the hub's clock the node had read.
    public static func clockBehind(_ error: SyncError) -> String {
        "中心拒收本节点的事件：其中一条事件的时间戳早于本节点此前的事件或本节点上次同步时已读到的中心时间（时间只能向前，不能倒填）。"
            + "请先校正本机时钟（Linux：timedatectl；Windows：设置→时间和语言→立即同步），再把下面的原因告诉中心管理员。"
            + "本节点的事件都保留在本机，但这条事件处理之前，其后的事件无法上传。原因：\(error.message)"
    }

    /// Any other refusal: what happened and what to do, in Chinese; the hub's own (English) words follow as
    /// the technical detail for the operator only where the Chinese cannot say all.
    public static func chinese(_ error: SyncError) -> String {
        let kept = "本节点的工作和未发送的事件都保留在本机。"
        return switch error.code {
        case .clockBehind:
            clockBehind(error)
        case .clockAhead:
            clockAhead(error)
        case .ruleViolation:
            "中心拒收本节点的事件：其中一条违反了工单办理规则（规则见 docs/rules.md）。本节点的事件都保留在本机，但这条事件处理之前，其后的事件无法上传；请把下面的原因告诉中心管理员。原因：\(error.message)"
        case .causalPastUnknown:
            "中心暂时缺少本节点已看到的其他节点事件（例如中心刚从备份恢复），这些事件会在相应节点同步后到达；请稍后再运行 gongdan sync。详情：\(error.message)"
        case .unauthorized:
            "中心不认这个令牌：本节点可能没有登记，或令牌抄错了。请向中心管理员确认（gongdan hub node add / rekey 打印令牌），再运行 gongdan remote set 网址 --token 令牌。" + kept
        case .revoked:
            "本节点的令牌已被中心停用。请向中心管理员索取新令牌（gongdan hub node rekey 本节点代码），再运行 gongdan remote set 网址 --token 新令牌。" + kept
        case .expired:
            "本节点的令牌已过期。请向中心管理员索取新令牌（gongdan hub node rekey 本节点代码），再运行 gongdan remote set 网址 --token 新令牌。" + kept
        case .unsupportedProtocol:
            "本机的 gongdan 与中心的版本不兼容，需要升级其中一方。请把这条信息告诉中心管理员。" + kept + "技术详情：\(error.message)"
        case .keyMismatch:
            "中心登记的本节点签名密钥与本机的不同（本机副本可能是重建的）。请中心管理员运行 gongdan hub node rekey 本节点代码，再用新令牌 gongdan remote set。" + kept
        case .roleForbidden, .originMismatch, .outOfScope:
            "中心拒收：本节点无权提交这些内容（不属于本节点或本单位的工单）。请把这条信息告诉中心管理员。" + kept + "技术详情：\(error.message)"
        case .tooLarge, .batchTooLarge:
            "一次发送的内容太多，中心拒收。请再运行一次 gongdan sync（会分批发送）；仍不行请告诉中心管理员。" + kept
        case .rateLimited:
            "请求太频繁，中心暂时拒绝。请稍等一分钟再试。" + kept
        case .storage:
            "中心暂时无法保存（可能磁盘已满或正在维护）。请稍后再运行 gongdan sync，并告诉中心管理员。" + kept
        case .seqGap, .chainBroken, .conflictingEvent, .badSignature:
            "中心发现本节点的事件记录前后对不上，没有接收。请先运行 gongdan check 检查本机副本，再把下面的技术详情告诉中心管理员。" + kept + "技术详情：\(error.message)"
        default:
            "中心拒绝了这次同步（\(error.code.rawValue)）。请把下面的技术详情告诉中心管理员。" + kept + "技术详情：\(error.message)"
        }
    }

    /// `clock_ahead`: an event is stamped more than the allowance ahead of the hub's clock.
    public static func clockAhead(_ error: SyncError) -> String {
        "中心拒收本节点的事件：事件时间比中心时钟快了超过 5 分钟，说明本机时钟走快了。请校正本机时钟（Linux：timedatectl；Windows：设置→时间和语言→立即同步）；"
            + "这些事件保留在本机，等中心时钟走到它们的时间后会自动上传。详情：\(error.message)"
    }
}
