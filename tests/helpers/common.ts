import type { WorkflowDefinition } from '#engine/definition'
import type User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import type { Group } from '@japa/runner/core'

export const PASSWORD = 'correct-horse-battery'

const KEEP = new Set(['adonis_schema', 'adonis_schema_versions'])

/**
 * Empties every application table in one transaction. Foreign keys are
 * deferred (SQLite) or switched off (MySQL) for the duration, so the
 * order of deletion does not matter.
 */
const FTS5_SHADOW = /^process_search_text_(data|idx|content|docsize|config)$/

export async function truncateAll() {
  const allTables = await db.connection().getAllTables()
  // FTS5's shadow tables follow their virtual table (emptied with it).
  const tables = allTables.filter((table) => !KEEP.has(table) && !FTS5_SHADOW.test(table))
  const mysql = db.connection().dialect.name.startsWith('mysql')

  await db.transaction(async (trx) => {
    await trx.rawQuery(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA defer_foreign_keys = ON')
    for (const table of tables) {
      await trx.from(table).delete()
    }
    if (mysql) await trx.rawQuery('SET FOREIGN_KEY_CHECKS = 1')
  })
}

/**
 * Every test of the group starts from empty tables and fresh rate-limit
 * counters. (Truncation, not a global transaction: the engine's tests
 * need real concurrent transactions.)
 */
export function freshDatabase(group: Group) {
  group.each.setup(async () => {
    await truncateAll()
    await limiter.clear()
  })
}

/**
 * Creates and publishes a workflow from a definition document.
 */
export async function publishWorkflow(definition: WorkflowDefinition, actor: User) {
  const { default: SaveWorkflowDraft } = await import('#actions/workflows/save_workflow_draft')
  const { default: PublishWorkflow } = await import('#actions/workflows/publish_workflow')
  const { workflow } = await new SaveWorkflowDraft().handle({ document: definition, actor })
  const version = await new PublishWorkflow().handle({ workflow, actor })
  return { workflow, version }
}
