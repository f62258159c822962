import { processFilter, rangeOf, raw, type SqlRange } from '#actions/reports/sql'
import { sqlTime } from '#support/sql_time'
import { rollupFilter, splitRange } from '#actions/reports/rollups'
import type { ReportTable } from '#actions/reports/types'
import {
  num,
  userNames,
  type ReportContext,
  type ReportParts,
} from '#actions/reports/kinds/context'

export default async function workload(ctx: ReportContext): Promise<ReportParts> {
  const { params } = ctx
  const range = rangeOf(params)
  const filter = processFilter(params)
  const open = await raw(
    ctx.client,
    `SELECT p.assignee_id, COUNT(*) AS n, SUM(CASE WHEN p.due_at < ? THEN 1 ELSE 0 END) AS overdue
     FROM processes p WHERE p.status = 'active' ${filter.sql} GROUP BY p.assignee_id`,
    [sqlTime(ctx.now), ...filter.bindings]
  )
  await ctx.progress(40)
  // Completed work: each transition someone made in the range moved an item on.
  const transitions = (part: SqlRange) =>
    raw(
      ctx.client,
      `SELECT e.actor_id, COUNT(*) AS n
       FROM process_events e JOIN processes p ON p.id = e.process_id
       WHERE e.type = 'transitioned' AND e.occurred_at >= ? AND e.occurred_at < ?
         AND e.actor_id IS NOT NULL ${filter.sql}
       GROUP BY e.actor_id`,
      [part.startSql, part.endSql, ...filter.bindings]
    )
  const split =
    ctx.rollupCut === undefined ? null : splitRange(params, range.start, range.end, ctx.rollupCut)
  const doneRows: any[] = []
  if (!split) doneRows.push(...(await transitions(range)))
  else {
    // The covered hours from the event rollups, the tail from the log.
    if (split.rolled.from < split.rolled.to) {
      const rolled = rollupFilter(params)
      doneRows.push(
        ...(await raw(
          ctx.client,
          `SELECT r.person_id AS actor_id, SUM(r.n) AS n FROM event_rollups r
           WHERE r.kind = 'transitioned' AND r.hour >= ? AND r.hour < ? ${rolled.sql}
           GROUP BY r.person_id`,
          [split.rolled.from, split.rolled.to, ...rolled.bindings]
        ))
      )
    }
    if (split.tail) doneRows.push(...(await transitions(split.tail)))
  }
  const sums = new Map<number, number>()
  for (const r of doneRows) {
    sums.set(Number(r.actor_id), (sums.get(Number(r.actor_id)) ?? 0) + Number(r.n))
  }
  const done = [...sums]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b)
    .map(([actorId, n]) => ({ actor_id: actorId, n }))
  await ctx.progress(80)
  const users = await userNames(ctx, [
    ...open.map((r) => num(r.assignee_id)),
    ...done.map((r) => num(r.actor_id)),
  ])
  const people = new Map<number | null, { open: number; overdue: number; completed: number }>()
  const entry = (id: number | null) => {
    let row = people.get(id)
    if (!row) people.set(id, (row = { open: 0, overdue: 0, completed: 0 }))
    return row
  }
  for (const r of open) {
    const row = entry(num(r.assignee_id))
    row.open += Number(r.n)
    row.overdue += Number(r.overdue ?? 0)
  }
  for (const r of done) entry(num(r.actor_id)).completed += Number(r.n)

  const assigneeRows = [...people.entries()]
    .map(([id, row]) => ({
      assignee: id === null ? null : (users.get(id)?.name ?? `#${id}`),
      role: id === null ? null : (users.get(id)?.role ?? null),
      ...row,
    }))
    .sort((a, b) => b.open - a.open || b.completed - a.completed)
  const roles = new Map<string | null, { open: number; overdue: number; completed: number }>()
  for (const row of assigneeRows) {
    const sum = roles.get(row.role) ?? { open: 0, overdue: 0, completed: 0 }
    sum.open += row.open
    sum.overdue += row.overdue
    sum.completed += row.completed
    roles.set(row.role, sum)
  }
  const tables: ReportTable[] = [
    {
      key: 'workloadAssignees',
      columns: [
        { key: 'assignee', type: 'text' },
        { key: 'role', type: 'text' },
        { key: 'open', type: 'number' },
        { key: 'overdue', type: 'number' },
        { key: 'completed', type: 'number' },
      ],
      rows: assigneeRows,
    },
    {
      key: 'workloadRoles',
      columns: [
        { key: 'role', type: 'text' },
        { key: 'open', type: 'number' },
        { key: 'overdue', type: 'number' },
        { key: 'completed', type: 'number' },
      ],
      rows: [...roles.entries()].map(([role, sum]) => ({ role, ...sum })),
    },
  ]
  return {
    tables,
    charts: [
      { table: 'workloadAssignees', kind: 'bar', x: 'assignee', series: ['open', 'completed'] },
    ],
  }
}
