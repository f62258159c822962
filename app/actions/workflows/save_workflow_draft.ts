import db from '@adonisjs/lucid/services/db'
import { verifyDefinition } from '#engine/verifier'
import { egressRules } from '#support/egress/rules'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
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
  async handle(params: { document: unknown; actor: User; workflow?: Workflow }) {
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
          .max('number as max')
          .first()
        draft = new WorkflowVersion()
        draft.merge({
          workflowId: workflow.id,
          number: Number(last?.$extras.max ?? 0) + 1,
          status: 'draft',
          createdBy: params.actor.id,
        })
      }
      draft.useTransaction(trx)
      draft.definition = definition
      await draft.save()
      await normalizeDefinition(trx, draft.id, definition)
      return { workflow, version: draft, outcomes: verification.outcomes }
    })
  }
}
