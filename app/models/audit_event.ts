import type { DateTime } from 'luxon'
import { BaseModel, beforeDelete, beforeUpdate, column } from '@adonisjs/lucid/orm'
import type {
  LucidModel,
  ModelAdapterOptions,
  ModelQueryBuilderContract,
} from '@adonisjs/lucid/types/model'
import { jsonColumn } from '#support/json_column'
import { readOnlyQuery } from '#support/read_only_query'

/**
 * Raised by any attempt to change or remove an audit entry.
 */
export class AuditAppendOnly extends Error {
  constructor(action: string) {
    super(`audit_events is append-only: ${action} is not allowed`)
    this.name = 'AuditAppendOnly'
  }
}

/**
 * One entry of the admin audit log. Written by `recordAudit` (in the
 * transaction of the change), read by Admin → Audit and GET /api/v1/audit.
 * Append-only: the model refuses updates and deletes, on instances and
 * through its query builder.
 */
export default class AuditEvent extends BaseModel {
  static table = 'audit_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorId: number | null

  @column()
  declare actorEmail: string | null

  @column()
  declare action: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare subjectLabel: string | null

  @jsonColumn()
  declare before: Record<string, unknown> | null

  @jsonColumn()
  declare after: Record<string, unknown> | null

  @column()
  declare ip: string | null

  @column()
  declare userAgent: string | null

  @column.dateTime()
  declare createdAt: DateTime

  @beforeUpdate()
  static refuseUpdate() {
    throw new AuditAppendOnly('update')
  }

  @beforeDelete()
  static refuseDelete() {
    throw new AuditAppendOnly('delete')
  }

  /** Query builder without update/delete: reads only. */
  static query<Model extends LucidModel, Result = InstanceType<Model>>(
    this: Model,
    options?: ModelAdapterOptions
  ): ModelQueryBuilderContract<Model, Result> {
    return readOnlyQuery<Model, Result>(this, options, (action) => new AuditAppendOnly(action))
  }
}
