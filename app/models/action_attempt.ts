import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * One try of an execution: what was sent (no secrets), the answer's
 * status, how long it took, and the error. `short_circuited` and
 * `rate_limited` rows record calls the protection held back (not counted
 * as attempts).
 */
export default class ActionAttempt extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare executionId: number

  @column()
  declare number: number

  @column()
  declare requestSummary: string

  @column()
  declare outcome: 'running' | 'succeeded' | 'failed' | 'short_circuited' | 'rate_limited'

  @column()
  declare statusCode: number | null

  @column()
  declare durationMs: number | null

  @column()
  declare error: string | null

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare finishedAt: DateTime | null
}
