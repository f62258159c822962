import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workflow from '#models/workflow'
import type WorkflowVersion from '#models/workflow_version'
import ProcessMigration from '#models/process_migration'
import type User from '#models/user'
import { InvalidInput } from '#exceptions/domain_error'
import { sqlTime } from '#support/sql_time'
import { recordAudit } from '#actions/audit/record_audit'

/**
 * Records a confirmed migration and its outbox message in one transaction;
 * a worker runs it (run_process_migration), with progress.
 */
export default class StartProcessMigration {
  async handle(params: {
    workflow: Workflow
    fromVersion: WorkflowVersion
    toVersion: WorkflowVersion
    mapping: Record<string, string>
    actor: User
  }) {
    const { fromVersion, toVersion } = params
    if (
      fromVersion.workflowId !== params.workflow.id ||
      toVersion.workflowId !== params.workflow.id
    ) {
      throw new InvalidInput('Both versions must belong to this workflow.')
    }
    if (toVersion.status === 'draft' || toVersion.number <= fromVersion.number) {
      throw new InvalidInput('Processes can only move to a newer published version.', [
        { field: 'toVersion', message: 'Choose a newer, published version' },
      ])
    }

    return db.transaction(async (trx) => {
      const total = await trx
        .from('processes')
        .where('workflow_version_id', fromVersion.id)
        .where('status', 'active')
        .count('* as total')
        .first()
      const migration = await ProcessMigration.create(
        {
          workflowId: params.workflow.id,
          fromVersionId: fromVersion.id,
          toVersionId: toVersion.id,
          mapping: params.mapping,
          status: 'pending',
          total: Number(total?.total ?? 0),
          moved: 0,
          refused: 0,
          failed: 0,
          requestedBy: params.actor.id,
        },
        { client: trx }
      )
      await trx.table('outbox_messages').insert({
        topic: 'migration.requested',
        queue: 'default',
        payload: JSON.stringify({ migrationId: migration.id }),
        status: 'pending',
        attempts: 0,
        available_at: sqlTime(DateTime.now()),
        created_at: sqlTime(DateTime.now()),
      })
      await recordAudit(trx, {
        action: 'migration.started',
        actor: { id: params.actor.id, email: params.actor.email },
        subject: { type: 'workflow', id: params.workflow.id, label: params.workflow.key },
        after: {
          migrationId: migration.id,
          fromVersion: fromVersion.number,
          toVersion: toVersion.number,
          processes: migration.total,
        },
      })
      return migration
    })
  }
}
