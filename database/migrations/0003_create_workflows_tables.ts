import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Workflows and their versions. A version keeps its definition document
 * (the source of truth, immutable once published) and a normalized copy
 * of its stages, transitions and fields for querying and reporting.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('workflows', (table) => {
      table.increments('id')
      table.string('key', 64).notNullable().unique()
      table.string('name', 200).notNullable()
      table.text('description').nullable()
      table
        .integer('owner_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      // Reference numbers: <prefix>-000123, counted per workflow.
      table.string('reference_prefix', 8).notNullable()
      table.integer('process_counter').unsigned().notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['name'])
    })

    this.schema.createTable('workflow_versions', (table) => {
      table.increments('id')
      table
        .integer('workflow_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflows')
        .onDelete('CASCADE')
      table.integer('number').unsigned().notNullable()
      table.string('status', 16).notNullable()
      table.text('definition', 'mediumtext').notNullable()
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .integer('published_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('published_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['workflow_id', 'number'])
      table.index(['workflow_id', 'status'])
    })

    this.schema.createTable('workflow_stages', (table) => {
      table.increments('id')
      table
        .integer('workflow_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
        .onDelete('CASCADE')
      table.string('key', 64).notNullable()
      table.string('name', 200).notNullable()
      table.string('type', 8).notNullable()
      table.string('outcome', 16).nullable()
      table.integer('position').unsigned().notNullable()
      table.integer('sla_minutes').unsigned().nullable()
      table.string('assignee_role', 16).nullable()
      table.unique(['workflow_version_id', 'key'])
    })

    this.schema.createTable('workflow_transitions', (table) => {
      table.increments('id')
      table
        .integer('workflow_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
        .onDelete('CASCADE')
      table.string('key', 64).notNullable()
      table.string('from_stage', 64).notNullable()
      table.string('to_stage', 64).notNullable()
      table.string('label', 200).nullable()
      table.text('roles').nullable()
      table.text('requires').nullable()
      table.integer('automatic_after_minutes').unsigned().nullable()
      table.unique(['workflow_version_id', 'key'])
      table.index(['workflow_version_id', 'from_stage'])
    })

    this.schema.createTable('workflow_fields', (table) => {
      table.increments('id')
      table
        .integer('workflow_version_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('workflow_versions')
        .onDelete('CASCADE')
      table.string('stage_key', 64).notNullable()
      table.string('key', 64).notNullable()
      table.string('label', 200).notNullable()
      table.string('type', 16).notNullable()
      table.boolean('required').notNullable().defaultTo(false)
      table.text('options').nullable()
      table.unique(['workflow_version_id', 'stage_key', 'key'])
    })
  }

  async down() {
    this.schema.dropTable('workflow_fields')
    this.schema.dropTable('workflow_transitions')
    this.schema.dropTable('workflow_stages')
    this.schema.dropTable('workflow_versions')
    this.schema.dropTable('workflows')
  }
}
