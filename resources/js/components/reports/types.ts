/** Reports as the pages receive them: the server's own types (app/actions/reports/types.ts). */
export { REPORT_KINDS } from '#actions/reports/types'
export type {
  CellType,
  ReportChart,
  ReportKind,
  ReportParams,
  ReportResult,
  ReportTable,
} from '#actions/reports/types'
import type { ReportKind, ReportParams } from '#actions/reports/types'

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
