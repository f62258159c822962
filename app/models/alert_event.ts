import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AlertRule from '#models/alert_rule'

/**
 * One firing of a rule: when it fired and with what value, and when it
 * resolved (null while it is still firing).
 */
export default class AlertEvent extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ruleId: number

  @column.dateTime()
  declare firedAt: DateTime

  @column()
  declare value: number

  @column.dateTime()
  declare resolvedAt: DateTime | null

  @column()
  declare resolvedValue: number | null

  @column()
  declare message: string

  @belongsTo(() => AlertRule, { foreignKey: 'ruleId' })
  declare rule: BelongsTo<typeof AlertRule>
}
