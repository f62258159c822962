import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { NotificationKind } from '#enums/notification_kind'
import Process from '#models/process'

export default class Notification extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare outboxMessageId: number

  @column()
  declare channel: 'in_app' | 'email'

  @column()
  declare kind: NotificationKind

  @column()
  declare processId: number | null

  @column()
  declare title: string

  @column()
  declare body: string | null

  @column()
  declare status: 'pending' | 'delivered'

  @column.dateTime()
  declare readAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Process)
  declare process: BelongsTo<typeof Process>
}
