import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'
import type { ReportKind, ReportParams } from '#actions/reports/types'

/**
 * A report e-mailed daily or weekly to chosen users (link + attachment).
 */
export default class ReportSchedule extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: ReportKind

  @jsonColumn()
  declare params: ReportParams

  @column()
  declare frequency: 'daily' | 'weekly'

  @jsonColumn()
  declare recipients: number[]

  @column()
  declare createdBy: number | null

  @column.dateTime()
  declare nextRunAt: DateTime

  @column.dateTime()
  declare lastRunAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>
}
