import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AlertEvent from '#models/alert_event'
import { jsonColumn } from '#support/json_column'
import type {
  AlertChannels,
  AlertCondition,
  AlertOperator,
  AlertSignal,
  AlertState,
} from '#enums/alert_signal'

/**
 * A rule over one signal: a threshold, or a trend against the same window
 * some time ago. Its state (ok / firing) is changed only by the evaluator,
 * through a conditional UPDATE on `version` (app/alerts/evaluate_alerts.ts).
 */
export default class AlertRule extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare signal: AlertSignal

  @column()
  declare condition: AlertCondition

  @column()
  declare operator: AlertOperator

  @column()
  declare threshold: number

  @column()
  declare trendFactor: number | null

  @column()
  declare trendOffsetSeconds: number | null

  @column()
  declare windowSeconds: number

  @column()
  declare cooldownSeconds: number

  @jsonColumn()
  declare channels: AlertChannels

  @column({ consume: (value) => Boolean(value) })
  declare enabled: boolean

  @column({ consume: (value) => Boolean(value) })
  declare builtIn: boolean

  @column()
  declare state: AlertState

  @column()
  declare version: number

  @column.dateTime()
  declare firingSince: DateTime | null

  @column.dateTime()
  declare lastFiredAt: DateTime | null

  @column.dateTime()
  declare lastResolvedAt: DateTime | null

  @column()
  declare lastValue: number | null

  @column.dateTime()
  declare lastEvaluatedAt: DateTime | null

  @column()
  declare lastError: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => AlertEvent, { foreignKey: 'ruleId' })
  declare events: HasMany<typeof AlertEvent>
}
