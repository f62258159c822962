import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { verifyDefinition } from '#engine/verifier'
import { egressRules } from '#support/egress/rules'
import type Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { DefinitionRejected } from '#exceptions/process_errors'
import { forgetPublishedVersion } from '#support/definition_cache'
import { bumpEpoch } from '#support/access/access_epoch'
import { childCatalog } from '#actions/workflows/child_catalog'
import { recordAudit } from '#actions/audit/record_audit'

/**
 * Publishes the workflow's draft. The verifier runs again; the published
 * version is immutable from then on. Earlier published versions are
 * archived (no new processes) while their running processes stay on them.
 * Audited as one `workflow.published` entry (the archived version in
 * `before`), in the same transaction.
 */
export default class PublishWorkflow {
  async handle(params: { workflow: Workflow; actor: User }) {
    const published = await db.transaction(async (trx) => {
      const draft = await WorkflowVersion.query({ client: trx })
        .where('workflow_id', params.workflow.id)
        .where('status', 'draft')
        .forUpdate()
        .first()
      if (!draft) {
        throw new DomainError('There is no draft to publish; edit the workflow first.', {
          status: 409,
          code: 'no_draft',
        })
      }
      const verification = verifyDefinition(draft.definition, {
        egress: egressRules(),
        children: await childCatalog(trx),
      })
      if (!verification.valid) throw new DefinitionRejected(verification.problems)

      const previous = await trx
        .from('workflow_versions')
        .where('workflow_id', params.workflow.id)
        .where('status', 'published')
        .select('number')
      await trx
        .from('workflow_versions')
        .where('workflow_id', params.workflow.id)
        .where('status', 'published')
        .update({ status: 'archived' })
      draft.useTransaction(trx)
      draft.merge({
        status: 'published',
        publishedAt: DateTime.now(),
        publishedBy: params.actor.id,
      })
      await draft.save()
      await recordAudit(trx, {
        action: 'workflow.published',
        actor: { id: params.actor.id, email: params.actor.email },
        subject: { type: 'workflow', id: params.workflow.id, label: params.workflow.key },
        before: previous.length ? { publishedVersion: previous[0].number } : null,
        after: { publishedVersion: draft.number },
      })
      return draft
    })
    // After the commit, so no instance caches the old version again meanwhile.
    await forgetPublishedVersion(params.workflow.id)
    // The old version is archived now: cached workflows and versions are read again.
    await bumpEpoch()
    return published
  }
}
