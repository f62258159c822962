import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Workflow from '#models/workflow'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'
import type { WebhookEventType } from '#enums/webhook_event'

/**
 * An outbound webhook: a URL subscribed to event types, for every
 * workflow or one. `secret` / `previousSecret` are encrypted (never
 * serialized); the previous one is honoured until it expires (rotation).
 */
export default class WebhookSubscription extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare url: string

  @jsonColumn()
  declare events: WebhookEventType[]

  @column()
  declare workflowId: number | null

  @column()
  declare description: string | null

  @column({ serializeAs: null })
  declare secret: string

  @column({ serializeAs: null })
  declare previousSecret: string | null

  @column.dateTime()
  declare previousSecretExpiresAt: DateTime | null

  @column({ consume: (value: unknown) => Boolean(value) })
  declare enabled: boolean

  @column()
  declare disabledReason: string | null

  @column.dateTime()
  declare failingSince: DateTime | null

  @column()
  declare ownerId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  @belongsTo(() => User, { foreignKey: 'ownerId' })
  declare owner: BelongsTo<typeof User>
}
