import db from '@adonisjs/lucid/services/db'

/** A query builder whose SQL selects the matching rows (any non-null column, no LIMIT). */
type Matching = {
  clone(): Matching
  limit(value: number): Matching
  offset(value: number): Matching
  toSQL(): { sql: string; bindings: readonly unknown[] }
}

/**
 * How many rows `matching` selects, up to `cap`; `cap + 1` above it (a
 * `total` column). One statement, two subqueries, the second run only when
 * the first finds nothing:
 *
 *   CASE WHEN (the (cap + 1)th row) IS NULL THEN (COUNT(*) of the rows) ELSE cap + 1 END
 *
 * The first is an index scan that stops at the (cap + 1)th entry; with
 * fewer matches the count reads them again, merged into the outer query.
 * `COUNT(*) FROM (… LIMIT cap + 1)` reads the same entries but MariaDB
 * materializes them into a temporary table first: 2.1 ms against 1.3 ms
 * for 10,001 postings of one word (bench:scale, 1,000,000 processes), so a
 * list whose matches pass the cap paid ~1.6× for the same "10,000+".
 * Both databases evaluate CASE lazily (checked: the unfiltered list's
 * count at 1,000,000 costs what 10,001 rows do).
 */
export function cappedTotalQuery(matching: Matching, cap: number) {
  const probe = matching.clone().limit(1).offset(cap).toSQL()
  const all = matching.toSQL()
  return db
    .query()
    .select(
      db.raw(
        `CASE WHEN (${probe.sql}) IS NULL THEN (SELECT COUNT(*) FROM (${all.sql}) matching) ELSE ${Number(cap) + 1} END AS total`,
        [...probe.bindings, ...all.bindings]
      )
    )
}
