import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import WebhookSubscription from '#models/webhook_subscription'

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed'

/**
 * One message to one subscription (the delivery log): its stable
 * `webhook-id`, the exact body, and the outcome of its last attempt.
 */
export default class WebhookDelivery extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare subscriptionId: number

  @column()
  declare messageId: string

  @column()
  declare eventId: number | null

  @column()
  declare type: string

  @column()
  declare body: string

  @column()
  declare status: WebhookDeliveryStatus

  @column()
  declare attempts: number

  @column()
  declare responseStatus: number | null

  @column()
  declare durationMs: number | null

  @column()
  declare responseSnippet: string | null

  @column()
  declare error: string | null

  @column.dateTime()
  declare lastAttemptAt: DateTime | null

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => WebhookSubscription, { foreignKey: 'subscriptionId' })
  declare subscription: BelongsTo<typeof WebhookSubscription>
}
