import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import WorkflowPolicy from '#policies/workflow_policy'
import ProcessMigration from '#models/process_migration'
import { findVersion, findWorkflow } from '#actions/workflows/find_workflow'
import PlanProcessMigration from '#actions/migrations/plan_process_migration'
import StartProcessMigration from '#actions/migrations/start_process_migration'
import { NotFound } from '#exceptions/domain_error'
import { migrationPlanValidator, startMigrationValidator } from '#validators/migration'

/**
 * Moving running processes to a newer version: map stages, see the dry
 * run, confirm, follow the progress. Admins only.
 */
export default class ProcessMigrationsController {
  /**
   * The mapping form and, once versions are chosen, the dry run.
   */
  async create({ params, request, inertia, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    const workflow = await findWorkflow(params.key)
    const input = await request.validateUsing(migrationPlanValidator, { data: request.qs() })
    const versions = [...workflow.versions]
      .filter((v) => v.status !== 'draft')
      .sort((a, b) => b.number - a.number)

    const activeCounts = await db
      .from('processes')
      .where('workflow_id', workflow.id)
      .where('status', 'active')
      .groupBy('workflow_version_id')
      .select('workflow_version_id')
      .count('* as total')
    const countFor = (id: number) =>
      Number(activeCounts.find((c) => c.workflow_version_id === id)?.total ?? 0)

    const to = versions.find((v) => v.number === input.to) ?? versions[0]
    const from =
      versions.find((v) => v.number === input.from) ??
      versions.find((v) => v.number < (to?.number ?? 0) && countFor(v.id) > 0)

    let plan = null
    let mapping: Record<string, string> = {}
    if (from && to && from.number < to.number) {
      const toStages = to.definition.stages.map((s) => s.key)
      mapping = Object.fromEntries(
        from.definition.stages
          .filter((s) => s.type !== 'end')
          .map((s) => [s.key, input.map?.[s.key] ?? (toStages.includes(s.key) ? s.key : '')])
      )
      plan = input.map
        ? await new PlanProcessMigration().handle({
            fromVersionId: from.id,
            target: to.definition,
            mapping,
          })
        : null
    }

    return inertia.render('migrations/create', {
      workflow: { key: workflow.key, name: workflow.name },
      versions: versions.map((v) => ({
        number: v.number,
        status: v.status,
        active: countFor(v.id),
      })),
      from: from
        ? {
            number: from.number,
            stages: from.definition.stages
              .filter((s) => s.type !== 'end')
              .map((s) => ({ key: s.key, name: s.name })),
          }
        : null,
      to: to
        ? {
            number: to.number,
            stages: to.definition.stages.map((s) => ({ key: s.key, name: s.name, type: s.type })),
          }
        : null,
      mapping,
      plan,
    })
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
    return response.redirect().toRoute('migrations.show', { id: migration.id })
  }

  async show({ params, inertia, bouncer }: HttpContext) {
    await bouncer.with(WorkflowPolicy).authorize('migrate')
    const migration = await ProcessMigration.query()
      .where('id', Number(params.id) || 0)
      .preload('workflow')
      .preload('fromVersion')
      .preload('toVersion')
      .preload('requester')
      .first()
    if (!migration) throw new NotFound('Migration')
    const items = await db
      .from('process_migration_items as i')
      .join('processes as p', 'p.id', 'i.process_id')
      .where('i.process_migration_id', migration.id)
      .orderBy('i.id')
      .limit(500)
      .select(
        'i.process_id',
        'p.reference',
        'p.title',
        'i.from_stage',
        'i.to_stage',
        'i.result',
        'i.reason'
      )

    return inertia.render('migrations/show', {
      migration: {
        id: migration.id,
        workflow: { key: migration.workflow.key, name: migration.workflow.name },
        from: migration.fromVersion.number,
        to: migration.toVersion.number,
        status: migration.status,
        total: migration.total,
        moved: migration.moved,
        refused: migration.refused,
        failed: migration.failed,
        progress: migration.progress,
        error: migration.error,
        requestedBy: migration.requester?.name ?? null,
        createdAt: migration.createdAt.toISO()!,
        finishedAt: migration.finishedAt?.toISO() ?? null,
      },
      items: items.map((i) => ({
        processId: i.process_id as number,
        reference: i.reference as string,
        title: i.title as string,
        fromStage: i.from_stage as string,
        toStage: (i.to_stage as string | null) ?? null,
        result: i.result as 'moved' | 'refused' | 'failed',
        reason: (i.reason as string | null) ?? null,
      })),
    })
  }
}
