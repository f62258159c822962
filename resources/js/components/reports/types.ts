/** A report result as the pages receive it (mirrors app/actions/reports/types.ts). */
export type CellType = 'text' | 'number' | 'seconds' | 'percent' | 'date'
export type Cell = string | number | null

export type ReportTable = {
  key: string
  columns: { key: string; type: CellType }[]
  rows: Record<string, Cell>[]
}

export type ReportChart = {
  table: string
  kind: 'bar' | 'line'
  x: string
  series: string[]
}

export type ReportResult = {
  kind: ReportKind
  asOf: string
  tables: ReportTable[]
  charts: ReportChart[]
}

export const REPORT_KINDS = ['throughput', 'cycle_time', 'sla', 'wip', 'workload'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export type ReportParams = {
  workflowId: number | null
  versionId: number | null
  from: string
  to: string
  timezone: string
  assigneeId: number | null
  role: string | null
  granularity: 'day' | 'week'
}

export type ReportRunSummary = {
  id: number
  kind: ReportKind
  params: ReportParams
  status: 'pending' | 'running' | 'completed' | 'failed'
  progress: number
  error: string | null
  requestedBy: string | null
  scheduled: boolean
  createdAt: string
  finishedAt: string | null
}
