import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#support/json_column'

export type OutboxStatus = 'pending' | 'sent' | 'failed'

/**
 * A side effect recorded in the same transaction as the change that caused
 * it. The relay publishes pending rows to their queue (job id = row id).
 */
export default class OutboxMessage extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare processId: number | null

  @column()
  declare eventId: number | null

  @column()
  declare topic: string

  @column()
  declare queue: string

  @jsonColumn()
  declare payload: Record<string, unknown>

  @column()
  declare status: OutboxStatus

  @column()
  declare attempts: number

  @column()
  declare lastError: string | null

  @column.dateTime()
  declare availableAt: DateTime

  @column.dateTime()
  declare createdAt: DateTime

  @column.dateTime()
  declare sentAt: DateTime | null

  /** W3C trace context of the command that wrote it (null when tracing is off). */
  @column()
  declare traceparent: string | null
}
