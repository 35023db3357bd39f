import GongdanWeb

/// The hub's request context: the client's address and the same-origin rule (``ClientRequestContext``).
public typealias HubRequestContext = ClientRequestContext
