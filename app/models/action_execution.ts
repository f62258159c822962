import type { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ActionAttempt from '#models/action_attempt'
import { jsonColumn } from '#support/json_column'

export type ExecutionStatus =
  'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'resolved'

/**
 * One run of a stage/transition action or of a compensation, identified
 * by its idempotency key (process + entering event + action): a repeated
 * or duplicated job finds the row and never performs the step twice.
 */
export default class ActionExecution extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare processId: number

  @column()
  declare idempotencyKey: string

  @column()
  declare kind: 'action' | 'compensation'

  @column()
  declare actionKey: string

  @column()
  declare actionType: string

  @column()
  declare owner: string

  @column()
  declare stepIndex: number

  @column()
  declare enteredVersion: number

  @column()
  declare compensatesId: number | null

  @column()
  declare status: ExecutionStatus

  @column()
  declare attempts: number

  @column()
  declare maxAttempts: number

  @column()
  declare targetHost: string | null

  @jsonColumn()
  declare response: unknown

  @column()
  declare lastError: string | null

  /** Epoch ms. */
  @column({ consume: (v) => (v === null ? null : Number(v)) })
  declare nextAttemptAt: number | null

  @column({ consume: (v) => (v === null ? null : Number(v)) })
  declare leaseUntil: number | null

  @column()
  declare leaseOwner: string | null

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => ActionAttempt, { foreignKey: 'executionId' })
  declare attemptLog: HasMany<typeof ActionAttempt>
}
