import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Business calendars that working-time SLAs count in: an IANA time zone,
 * working hours per weekday (JSON `{ mon: ["09:00-17:00"], … }`), holidays
 * (JSON list of "2026-12-25" or yearly "--12-25") and one default. The
 * default calendar (Mon–Fri 09:00–17:00 UTC) is created here so SLAs work on
 * a fresh install.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('calendars', (table) => {
      table.increments('id')
      table.string('key', 64).notNullable().unique()
      table.string('name', 120).notNullable()
      table.string('time_zone', 64).notNullable()
      table.text('hours').notNullable()
      table.text('holidays').notNullable()
      table.boolean('is_default').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
    this.defer(async (db) => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const weekday = ['09:00-17:00']
      await db.table('calendars').insert({
        key: 'default',
        name: 'Default',
        time_zone: 'UTC',
        hours: JSON.stringify({
          mon: weekday,
          tue: weekday,
          wed: weekday,
          thu: weekday,
          fri: weekday,
        }),
        holidays: '[]',
        is_default: true,
        created_at: now,
        updated_at: now,
      })
    })
  }

  async down() {
    this.schema.dropTable('calendars')
  }
}
