import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import WorkflowPolicy from '#policies/workflow_policy'
import ProcessMigration from '#models/process_migration'
import { findVersion, findWorkflow } from '#actions/workflows/find_workflow'
import PlanProcessMigration from '#actions/migrations/plan_process_migration'
import StartProcessMigration from '#actions/migrations/start_process_migration'
import { NotFound } from '#exceptions/domain_error'
import ProcessMigrationTransformer from '#transformers/process_migration_transformer'
import { serialize } from '#support/api_serializer'
import { keyset, pageOf } from '#support/cursor'
import { startMigrationValidator } from '#validators/migration'
import { cursorListValidator } from '#validators/api_list'

/**
 * Moving running processes to a newer version over the JSON API (admins),
 * with the actions of the migration pages: the dry run, the start (a
 * background run), its progress and the result per process.
 */
export default class MigrationsController {
  async dryRun({ params, request, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    const workflow = await findWorkflow(params.key)
    const input = await request.validateUsing(startMigrationValidator)
    const from = await findVersion(workflow, input.from)
    const to = await findVersion(workflow, input.to)
    const plan = await new PlanProcessMigration().handle({
      fromVersionId: from.id,
      target: to.definition,
      mapping: input.map,
    })
    return { data: { from: from.number, to: to.number, ...plan } }
  }

  async store({ params, request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    const workflow = await findWorkflow(params.key)
    const input = await request.validateUsing(startMigrationValidator)
    const migration = await new StartProcessMigration().handle({
      workflow,
      fromVersion: await findVersion(workflow, input.from),
      toVersion: await findVersion(workflow, input.to),
      mapping: input.map,
      actor: auth.getUserOrFail(),
    })
    response.status(202)
    return serialize(ProcessMigrationTransformer.transform(await this.find(migration.id)))
  }

  async show({ params, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    return serialize(ProcessMigrationTransformer.transform(await this.find(params.id)))
  }

  async items({ params, request, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    const input = await request.validateUsing(cursorListValidator, { data: request.qs() })
    const migration = await this.find(params.id)
    const rows = await keyset(
      db
        .from('process_migration_items as i')
        .join('processes as p', 'p.id', 'i.process_id')
        .where('i.process_migration_id', migration.id)
        .select(
          'i.id',
          'i.process_id',
          'p.reference',
          'p.title',
          'i.from_stage',
          'i.to_stage',
          'i.result',
          'i.reason'
        ),
      input,
      { column: 'i.id', direction: 'asc' }
    )
    const { rows: page, metadata } = pageOf(rows, input, (row) => Number(row.id))
    return {
      data: page.map((i) => ({
        processId: Number(i.process_id),
        reference: i.reference as string,
        title: i.title as string,
        fromStage: i.from_stage as string,
        toStage: (i.to_stage as string | null) ?? null,
        result: i.result as string,
        reason: (i.reason as string | null) ?? null,
      })),
      metadata,
    }
  }

  protected async find(id: unknown) {
    const migration = await ProcessMigration.query()
      .where('id', Number(id) || 0)
      .preload('workflow')
      .preload('fromVersion')
      .preload('toVersion')
      .first()
    if (!migration) throw new NotFound('Migration')
    return migration
  }
}
