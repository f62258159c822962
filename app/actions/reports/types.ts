/**
 * Reports: kinds, parameters and the shape of a result. A result is a
 * list of tables (what the page shows under the chart, and what the CSV
 * and XLSX exports contain) plus which table the chart draws.
 */
import type { Role } from '#enums/role'

export const REPORT_KINDS = ['throughput', 'cycle_time', 'sla', 'wip', 'workload'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export type ReportParams = {
  workflowId: number | null
  /** A workflow_versions id (the form picks a number of the chosen workflow). */
  versionId: number | null
  /** Local calendar days, inclusive, in `timezone`. */
  from: string
  to: string
  timezone: string
  assigneeId: number | null
  role: Role | null
  granularity: 'day' | 'week'
  /**
   * Workflows the requester may not see: their processes are left out of
   * every figure. Absent when they see everything (so such runs hash as
   * before teams).
   */
  hiddenWorkflows?: number[]
}

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
  /** Column on the x axis. */
  x: string
  /** Numeric columns drawn as series. */
  series: string[]
}

export type ReportResult = {
  kind: ReportKind
  /** When the figures were taken (ISO, UTC); "now" for aging and overdue. */
  asOf: string
  tables: ReportTable[]
  charts: ReportChart[]
  /**
   * Remarks the page and the exports show under the figures, as message
   * keys (`reports.notes.<key>`): `approximatePercentiles` when percentiles
   * come from the rollups' histograms (within ~5 %). Absent: none.
   */
  notes?: ReportNote[]
}

export type ReportNote = 'approximatePercentiles'

/** Called between steps; 0–100. */
export type ProgressFn = (percent: number) => Promise<void>
