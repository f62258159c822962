import db from '@adonisjs/lucid/services/db'
import { verifyDefinition } from '#engine/verifier'
import { egressRules } from '#support/egress/rules'
import Workflow from '#models/workflow'
import WorkflowVersion, { type StageLayout } from '#models/workflow_version'
import type User from '#models/user'
import { DomainError, InvalidInput } from '#exceptions/domain_error'
import { DefinitionRejected } from '#exceptions/process_errors'
import { normalizeDefinition } from '#actions/workflows/normalize_definition'

/** Keys that would collide with page routes (/workflows/new, /workflows/import). */
const RESERVED_KEYS = ['new', 'import', 'edit', 'draft']

/**
 * Saves a definition document as the workflow's draft: creates the
 * workflow (and version 1) when `workflow` is omitted, otherwise updates
 * the open draft or opens a new one after the last published version.
 * Documents the verifier rejects are refused with every problem.
 */
export default class SaveWorkflowDraft {
  async handle(params: {
    document: unknown
    actor: User
    workflow?: Workflow
    /** Canvas positions (presentation only); undefined keeps the draft's, null clears them. */
    layout?: StageLayout | null
  }) {
    const verification = verifyDefinition(params.document, { egress: egressRules() })
    if (!verification.valid || !verification.definition)
      throw new DefinitionRejected(verification.problems)
    const definition = verification.definition

    if (!params.workflow && RESERVED_KEYS.includes(definition.key)) {
      throw new InvalidInput(`"${definition.key}" is a reserved word; choose another key.`, [
        { field: '$.key', message: `"${definition.key}" is reserved; choose another key` },
      ])
    }
    if (params.workflow && params.workflow.key !== definition.key) {
      throw new InvalidInput('The definition key cannot change.', [
        { field: '$.key', message: `The key of this workflow is "${params.workflow.key}"` },
      ])
    }
    if (!params.workflow && (await Workflow.findBy('key', definition.key))) {
      throw new DomainError(`A workflow with the key "${definition.key}" already exists.`, {
        status: 409,
        code: 'workflow_exists',
        fieldErrors: [{ field: '$.key', message: 'This key is already used by another workflow' }],
      })
    }

    return db.transaction(async (trx) => {
      const workflow =
        params.workflow ??
        (await Workflow.create(
          {
            key: definition.key,
            name: definition.name,
            description: definition.description ?? null,
            ownerId: params.actor.id,
            referencePrefix: Workflow.prefixFor(definition.key),
            processCounter: 0,
          },
          { client: trx }
        ))
      workflow.useTransaction(trx)
      workflow.merge({ name: definition.name, description: definition.description ?? null })
      await workflow.save()

      let draft = await WorkflowVersion.query({ client: trx })
        .where('workflow_id', workflow.id)
        .where('status', 'draft')
        .forUpdate()
        .first()
      if (!draft) {
        const last = await WorkflowVersion.query({ client: trx })
          .where('workflow_id', workflow.id)
          .orderBy('number', 'desc')
          .first()
        draft = new WorkflowVersion()
        draft.merge({
          workflowId: workflow.id,
          number: (last?.number ?? 0) + 1,
          status: 'draft',
          createdBy: params.actor.id,
          // A new draft starts where the last version's stages were drawn.
          layout: last?.layout ?? null,
        })
      }
      draft.useTransaction(trx)
      draft.definition = definition
      // Only stages the definition has; positions never reach the definition itself.
      if (params.layout !== undefined) draft.layout = layoutOf(params.layout, definition)
      await draft.save()
      await normalizeDefinition(trx, draft.id, definition)
      return { workflow, version: draft, outcomes: verification.outcomes }
    })
  }
}

function layoutOf(
  layout: StageLayout | null,
  definition: { stages: { key: string }[] }
): StageLayout | null {
  if (!layout) return null
  const kept: StageLayout = {}
  for (const stage of definition.stages) {
    const at = layout[stage.key]
    if (at) kept[stage.key] = { x: Math.round(at.x), y: Math.round(at.y) }
  }
  return Object.keys(kept).length > 0 ? kept : null
}
