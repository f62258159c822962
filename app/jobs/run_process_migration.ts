import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Job, type JobContext } from '#queue/job'
import Process from '#models/process'
import ProcessMigration from '#models/process_migration'
import { VersionConflict } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import CommitProcessChange from '#actions/processes/commit_process_change'
import { refusalFor } from '#actions/migrations/plan_process_migration'
import { parentsWaitingOnChildren } from '#actions/processes/children/waiting_parents'

type Payload = { migrationId: number }

/**
 * Moves each active process of the old version to its mapped stage in the
 * new one: one transaction per process with optimistic locking, a
 * `migrated` event (from version/stage → to version/stage, who), SLA
 * restarted for the new stage. Resumable: processes that already have a
 * result are skipped, so a retried job finishes the rest.
 */
export default class RunProcessMigration extends Job<Payload> {
  static jobName = 'run_process_migration'

  async handle(payload: Payload, context: JobContext) {
    const migration = await ProcessMigration.find(payload.migrationId)
    if (!migration || migration.status === 'completed') return
    if (migration.status === 'pending') {
      migration.merge({ status: 'running', startedAt: DateTime.now() })
      await migration.save()
    }
    const target = await definitionOf(migration.toVersionId)
    const writer = new CommitProcessChange()

    let lastId = 0
    for (;;) {
      const batch = await Process.query()
        .where('workflow_version_id', migration.fromVersionId)
        .where('status', 'active')
        .where('id', '>', lastId)
        .whereNotIn('id', (q) =>
          q
            .from('process_migration_items')
            .select('process_id')
            .where('process_migration_id', migration.id)
        )
        .orderBy('id')
        .limit(100)
      if (!batch.length) break
      lastId = batch[batch.length - 1]!.id

      const waiting = await parentsWaitingOnChildren(batch.map((p) => p.id))
      for (let process of batch) {
        let result: {
          result: 'moved' | 'refused' | 'failed'
          toStage: string | null
          reason: string | null
        }
        for (let attempt = 1; ; attempt++) {
          const verdict = refusalFor(process, target, migration.mapping, waiting.has(process.id))
          if (verdict.reason) {
            result = { result: 'refused', toStage: verdict.toStage, reason: verdict.reason }
            break
          }
          try {
            await writer.handle({
              process,
              expectedVersion: process.version,
              actorId: migration.requestedBy,
              idempotencyKey: `migration-${migration.id}`,
              definitions: new Map([[migration.toVersionId, target]]),
              event: {
                type: 'migrated',
                fromStage: process.stageKey,
                toStage: verdict.toStage,
                payload: {
                  fromVersionId: migration.fromVersionId,
                  toVersionId: migration.toVersionId,
                  migrationId: migration.id,
                },
              },
            })
            result = { result: 'moved', toStage: verdict.toStage, reason: null }
            break
          } catch (error) {
            if (error instanceof VersionConflict && attempt < 3) {
              // Someone changed it meanwhile: judge it again as it is now.
              process = await Process.findOrFail(process.id)
              if (
                process.status !== 'active' ||
                process.workflowVersionId !== migration.fromVersionId
              ) {
                result = {
                  result: 'refused',
                  toStage: null,
                  reason: 'Closed or moved while the migration ran',
                }
                break
              }
              continue
            }
            result = {
              result: 'failed',
              toStage: verdict.toStage,
              reason: (error as Error).message.slice(0, 1000),
            }
            break
          }
        }
        await db
          .table('process_migration_items')
          .insert({
            process_migration_id: migration.id,
            process_id: process.id,
            from_stage: process.stageKey,
            to_stage: result.toStage,
            result: result.result,
            reason: result.reason,
          })
          .onConflict(['process_migration_id', 'process_id'])
          .ignore()
      }
      await this.updateCounters(migration)
      await context.progress(migration.progress)
    }

    await this.updateCounters(migration)
    migration.merge({ status: 'completed', finishedAt: DateTime.now() })
    await migration.save()
    context.logger.info(
      {
        migrationId: migration.id,
        moved: migration.moved,
        refused: migration.refused,
        failed: migration.failed,
      },
      'migration finished'
    )
  }

  async failed(payload: Payload, error: Error) {
    await ProcessMigration.query()
      .where('id', payload.migrationId)
      .update({ status: 'failed', error: error.message.slice(0, 2000) })
  }

  protected async updateCounters(migration: ProcessMigration) {
    const rows = await db
      .from('process_migration_items')
      .where('process_migration_id', migration.id)
      .groupBy('result')
      .select('result')
      .count('* as total')
    const count = (result: string) => Number(rows.find((r) => r.result === result)?.total ?? 0)
    migration.merge({ moved: count('moved'), refused: count('refused'), failed: count('failed') })
    migration.total = Math.max(
      migration.total,
      migration.moved + migration.refused + migration.failed
    )
    await migration.save()
  }
}
