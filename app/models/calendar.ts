import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
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

  /** The engine's view of the calendar. */
  toEngine(): BusinessCalendar {
    return { key: this.key, timeZone: this.timeZone, hours: this.hours, holidays: this.holidays }
  }
}
