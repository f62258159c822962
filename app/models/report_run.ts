import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'
import type { ReportKind, ReportParams, ReportResult } from '#actions/reports/types'

/**
 * One requested report: who asked, with which parameters, how far the
 * worker got, and the result (or the error).
 */
export default class ReportRun extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: ReportKind

  @jsonColumn()
  declare params: ReportParams

  @column()
  declare paramsHash: string

  @column()
  declare status: 'pending' | 'running' | 'completed' | 'failed'

  @column()
  declare progress: number

  @jsonColumn()
  declare result: ReportResult | null

  @column()
  declare error: string | null

  @column()
  declare requestedBy: number | null

  @column()
  declare scheduleId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @belongsTo(() => User, { foreignKey: 'requestedBy' })
  declare requester: BelongsTo<typeof User>
}
