import type { DateTime } from 'luxon'
import { afterDelete, afterSave, BaseModel, column } from '@adonisjs/lucid/orm'
import { bumpAfterCommit } from '#support/access/access_epoch'
import { jsonColumn } from '#support/json_column'
import type { BusinessCalendar, Weekday } from '#engine/calendar'

/**
 * A business calendar (time zone, working hours, holidays) that working-time
 * SLAs count in. Exactly one is the default.
 */
export default class Calendar extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare timeZone: string

  @jsonColumn()
  declare hours: Partial<Record<Weekday, string[]>>

  @jsonColumn()
  declare holidays: string[]

  @column({ consume: (value: unknown) => Boolean(value) })
  declare isDefault: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Calendars kept in memory (working time of stage visits) are read again after this commits. */
  @afterSave()
  static async bumpEpochOnSave(row: Calendar) {
    await bumpAfterCommit(row.$trx)
  }

  @afterDelete()
  static async bumpEpochOnDelete(row: Calendar) {
    await bumpAfterCommit(row.$trx)
  }

  /** The engine's view of the calendar. */
  toEngine(): BusinessCalendar {
    return { key: this.key, timeZone: this.timeZone, hours: this.hours, holidays: this.holidays }
  }
}
