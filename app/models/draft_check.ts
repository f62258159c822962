import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { WorkflowDefinition } from '#engine/definition'
import { jsonColumn } from '#support/json_column'
import type { DraftCheckResult } from '#actions/workflows/draft_check/run_draft_check'

export type DraftCheckStatus = 'pending' | 'running' | 'completed' | 'failed'

/**
 * A draft tested against history in the background: the draft's
 * definition as it was asked for, the number of processes, progress, and
 * the result (or the error).
 */
export default class DraftCheck extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  /** The draft version the check is about. */
  @column()
  declare workflowVersionId: number

  /** Its version number. */
  @column()
  declare draftNumber: number

  /** The draft as it was when the check was asked for. */
  @jsonColumn()
  declare definition: WorkflowDefinition

  @column()
  declare processLimit: number

  @column()
  declare status: DraftCheckStatus

  @column()
  declare progress: number

  @jsonColumn()
  declare result: DraftCheckResult | null

  @column()
  declare error: string | null

  @column()
  declare requestedBy: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null
}
