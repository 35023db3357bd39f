import GongdanSync

/// The Chinese words of the hub's refusals that concern a node's clock (`docs/clocks.md`): what the
/// clerk sees, what happened to the events and what to do. The English text is the refusal's own.
enum SyncRefusalText {
    /// `clock_behind`: an event is stamped below its node's earlier events or the hub's clock the node had read.
    static func clockBehind(_ error: SyncError) -> String {
        "中心拒收本节点的事件：其中一条事件的时间戳早于本节点此前的事件或本节点上次同步时已读到的中心时间（时间只能向前，不能倒填）。"
            + "请先校正本机时钟（Linux：timedatectl；Windows：设置→时间和语言→立即同步），再把下面的原因告诉中心管理员。"
            + "本节点的事件都保留在本机，但这条事件处理之前，其后的事件无法上传。原因：\(error.message)"
    }

    /// `clock_ahead`: an event is stamped more than the allowance ahead of the hub's clock.
    static func clockAhead(_ error: SyncError) -> String {
        "中心拒收本节点的事件：事件时间比中心时钟快了超过 5 分钟，说明本机时钟走快了。请校正本机时钟（Linux：timedatectl；Windows：设置→时间和语言→立即同步）；"
            + "这些事件保留在本机，等中心时钟走到它们的时间后会自动上传。详情：\(error.message)"
    }
}
