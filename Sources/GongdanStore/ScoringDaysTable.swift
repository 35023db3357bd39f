/// The hub's daily scoring sums (migration "hub v8"): for each unit and China Standard Time day, how
/// many intakes and rounds count in each figure on that day — the ``ScoringContribution``s of every
/// ticket, kept up to date as tickets change. A period's figures are then a sum over its days instead of
/// a read of every ticket; only the last, partial day and the rounds overdue at the end are read from
/// the projection.
enum ScoringDaysTable {
    /// The count columns, in ``ScoringCounts/values`` order (the bits of ``ScoringHits``).
    static let countColumns = [
        "on_time", "completion_due", "resolved", "resolution_base", "satisfied", "satisfaction_base", "signed_in_time",
        "signing_due", "intake_in_time", "intakes", "evaluated", "accepted", "returns", "overruled", "unreasonable",
        "unreachable",
    ]

    /// The `CREATE` statement.
    static let sql = """
        CREATE TABLE scoring_days (
            unit TEXT NOT NULL,          -- '' for what counts for the district only (the workstation's intakes)
            day INTEGER NOT NULL,        -- days since 1970-01-01 in China Standard Time
            \(countColumns.map { "\($0) INTEGER NOT NULL" }.joined(separator: ",\n    ")),
            PRIMARY KEY (day, unit)
        ) WITHOUT ROWID;
        """

    /// Adds a row's counts to what the table holds for its unit and day (a row is made when missing).
    static let upsert = """
        INSERT INTO scoring_days (unit, day, \(countColumns.joined(separator: ", ")))
        VALUES (?, ?, \(countColumns.map { _ in "?" }.joined(separator: ", ")))
        ON CONFLICT (day, unit) DO UPDATE SET \(countColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
        """

    /// Every unit's sums over the days `?1 ..< ?2`.
    static let sums = """
        SELECT unit, \(countColumns.map { "sum(\($0))" }.joined(separator: ", "))
        FROM scoring_days WHERE day >= ? AND day < ? GROUP BY unit
        """
}
