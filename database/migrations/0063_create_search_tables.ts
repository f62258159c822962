import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Search on process data (issue 22):
 * - `process_field_values`: one row per process and searchable field, the
 *   value in the column of its kind (number, text, date), indexed per
 *   (workflow, field, value) so a filter is an index range, whatever the
 *   size of `processes`;
 * - `process_search_text`: one row per process, the words of its title,
 *   reference and searchable text fields, under a FULLTEXT index on
 *   MySQL/MariaDB and as an FTS5 table (rowid = process id) on SQLite.
 * Both are written by app/actions/search/process_index.ts inside the write
 * path's transaction.
 */
export default class extends BaseSchema {
  async up() {
    const mysql = this.db.dialect.name.startsWith('mysql')

    this.schema.createTable('process_field_values', (table) => {
      table
        .integer('process_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('processes')
        .onDelete('CASCADE')
      table.integer('workflow_id').unsigned().notNullable()
      table.string('field_key', 100).notNullable()
      table.double('num_value').nullable()
      // Up to a long_text's 100,000 characters: MEDIUMTEXT on MySQL, TEXT on SQLite.
      table.text('text_value', 'mediumtext').nullable()
      table.date('date_value').nullable()
      table.primary(['process_id', 'field_key'])
      table.index(['workflow_id', 'field_key', 'num_value'], 'process_field_values_num_index')
      table.index(['workflow_id', 'field_key', 'date_value'], 'process_field_values_date_index')
      if (!mysql) {
        table.index(['workflow_id', 'field_key', 'text_value'], 'process_field_values_text_index')
      }
    })

    if (mysql) {
      // A TEXT column is indexed by a prefix: equality narrows by its first 191 characters.
      this.schema.raw(
        'CREATE INDEX process_field_values_text_index ON process_field_values (workflow_id, field_key, text_value(191))'
      )
      this.schema.createTable('process_search_text', (table) => {
        table
          .integer('process_id')
          .unsigned()
          .notNullable()
          .primary()
          .references('id')
          .inTable('processes')
          .onDelete('CASCADE')
        table.integer('workflow_id').unsigned().notNullable()
        table.text('body', 'mediumtext').notNullable()
      })
      this.schema.raw(
        'ALTER TABLE process_search_text ADD FULLTEXT INDEX process_search_text_body (body)'
      )
    } else {
      this.schema.raw(
        "CREATE VIRTUAL TABLE process_search_text USING fts5(body, workflow_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
      )
    }
  }

  async down() {
    this.schema.dropTableIfExists('process_search_text')
    this.schema.dropTable('process_field_values')
  }
}
