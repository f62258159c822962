import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Settings an admin changes at run time (`app_settings`, one JSON value per
 * key, e.g. `sso` = { required, breakGlassEmails }), and the link between an
 * OpenID Connect identity (issuer + subject) and a local user, made on the
 * user's first single sign-on.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('app_settings', (table) => {
      table.string('key', 64).primary()
      table.text('value').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('sso_identities', (table) => {
      table.increments('id')
      table.string('issuer', 255).notNullable()
      table.string('subject', 255).notNullable()
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.timestamp('last_login_at').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['issuer', 'subject'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable('sso_identities')
    this.schema.dropTable('app_settings')
  }
}
