import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { verifyDefinition } from '#engine/verifier'
import { egressRules } from '#support/egress/rules'
import { sqlTime } from '#support/sql_time'
import type Workflow from '#models/workflow'
import type User from '#models/user'
import DraftCheck from '#models/draft_check'
import { DomainError } from '#exceptions/domain_error'
import { DefinitionRejected } from '#exceptions/process_errors'
import {
  type DraftCheckResult,
  runDraftCheck,
} from '#actions/workflows/draft_check/run_draft_check'

/** How many processes are replayed when the caller does not say. */
export const DEFAULT_CHECK_LIMIT = 500
/** The most processes one check may replay. */
export const MAX_CHECK_LIMIT = 5000
/** Up to this many processes are checked in the request; more go to a worker. */
export const SYNC_CHECK_LIMIT = 200
/** Background runs older than this are deleted when a new one is asked for. */
const KEEP_DAYS = 7

export type CheckDraftOutcome =
  { status: 'completed'; result: DraftCheckResult } | { status: 'queued'; run: DraftCheck }

/**
 * Tests the workflow's draft against the last `limit` processes of its
 * published versions. Up to SYNC_CHECK_LIMIT processes are checked right
 * away; more (or `background`) are recorded as a `draft_checks` run with
 * a `draft_check.requested` outbox message, in one transaction, for the
 * `run_draft_check` job. Refused: no draft (409 no_draft), a draft the
 * verifier rejects (422 invalid_definition).
 */
export default class CheckDraft {
  async handle(params: {
    workflow: Workflow
    actor: User
    limit?: number
    background?: boolean
    now?: Date
  }): Promise<CheckDraftOutcome> {
    const limit = params.limit ?? DEFAULT_CHECK_LIMIT
    const draft = await params.workflow
      .related('versions')
      .query()
      .where('status', 'draft')
      .select('id', 'number', 'definition')
      .first()
    if (!draft) {
      throw new DomainError('There is no draft to test; edit the workflow first.', {
        status: 409,
        code: 'no_draft',
      })
    }
    const verification = verifyDefinition(draft.definition, { egress: egressRules() })
    if (!verification.valid || !verification.definition) {
      throw new DefinitionRejected(verification.problems)
    }

    const counted = await db
      .from('processes')
      .where('workflow_id', params.workflow.id)
      .count('* as total')
      .first()
    const processes = Math.min(limit, Number(counted?.total ?? 0))
    if (!params.background && processes <= SYNC_CHECK_LIMIT) {
      const result = await runDraftCheck({
        workflowId: params.workflow.id,
        draft: { number: draft.number, definition: verification.definition },
        limit,
        now: params.now,
      })
      return { status: 'completed', result }
    }

    const run = await db.transaction(async (trx) => {
      await trx
        .from('draft_checks')
        .where('workflow_id', params.workflow.id)
        .where('created_at', '<', sqlTime(DateTime.now().minus({ days: KEEP_DAYS }))!)
        .delete()
      const created = await DraftCheck.create(
        {
          workflowId: params.workflow.id,
          workflowVersionId: draft.id,
          draftNumber: draft.number,
          definition: verification.definition!,
          processLimit: limit,
          status: 'pending',
          progress: 0,
          result: null,
          error: null,
          requestedBy: params.actor.id,
        },
        { client: trx }
      )
      const now = sqlTime(DateTime.now())
      await trx.table('outbox_messages').insert({
        topic: 'draft_check.requested',
        queue: 'reports',
        payload: JSON.stringify({ checkId: created.id }),
        status: 'pending',
        attempts: 0,
        available_at: now,
        created_at: now,
      })
      return created
    })
    return { status: 'queued', run }
  }
}
