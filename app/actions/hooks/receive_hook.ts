import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import Workflow from '#models/workflow'
import WorkflowHook from '#models/workflow_hook'
import User from '#models/user'
import Process from '#models/process'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import { isUniqueViolation } from '#actions/processes/commit_process_change'
import { DomainError, InvalidInput, NotFound } from '#exceptions/domain_error'
import { compileMapping, evaluateMapping } from '#engine/hook_mapping'
import { openSecret } from '#support/webhooks/signing'
import { sqlTime } from '#support/sql_time'
import webhooksConfig from '#config/webhooks'

export type HookRequest = {
  workflowKey: string
  hookKey: string
  /** The body exactly as received (what was signed). */
  raw: string
  headers: Record<string, string | undefined>
}

export type HookOutcome = { processId: number; reference: string; replayed: false }

class HookRefused extends DomainError {}

/**
 * An inbound webhook. Refusals, in this order, write nothing: unknown or
 * disabled hook (404), over the rate (429), body too large (413), outside
 * the 5-minute window or a bad signature (401), a `webhook-id` seen before
 * (409), a mapping that fails on this body (422). Then the process is
 * started, or the named transition runs on the process whose reference
 * the hook's `reference` expression gives — through the normal actions
 * (the one write path), with the idempotency key `hook:<hook>:<id hash>`,
 * as the hook's creator — and the `webhook-id` is recorded.
 */
export default class ReceiveHook {
  async handle(request: HookRequest): Promise<HookOutcome> {
    const workflow = await Workflow.findBy('key', request.workflowKey)
    const hook = workflow
      ? await WorkflowHook.query()
          .where('workflow_id', workflow.id)
          .where('key', request.hookKey)
          .where('enabled', true)
          .first()
      : null
    if (!workflow || !hook) throw new NotFound(`Hook "${request.hookKey}"`)

    await limiter
      .use({ requests: webhooksConfig.inbound.requestsPerMinute, duration: '1 minute' })
      .consume(`hook_${hook.id}`)

    if (Buffer.byteLength(request.raw) > webhooksConfig.inbound.maxBodyBytes) {
      throw new HookRefused(
        `The body is larger than ${webhooksConfig.inbound.maxBodyBytes} bytes`,
        { status: 413, code: 'payload_too_large' }
      )
    }

    let body: unknown
    try {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(request.headers)) headers[name] = value ?? ''
      body = new Webhook(openSecret(hook.secret)).verify(request.raw, headers)
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        throw new HookRefused(`The signature is not valid: ${error.message}`, {
          status: 401,
          code: 'invalid_signature',
        })
      }
      throw new InvalidInput('The body is not JSON')
    }
    const messageId = String(request.headers['webhook-id'])
    await this.ensureUnseen(hook, messageId)

    const values = this.mapped(hook, body)
    const actor = hook.createdById ? await User.find(hook.createdById) : null
    if (!actor)
      throw new DomainError('The hook has no owner to act as', {
        status: 409,
        code: 'hook_orphaned',
      })
    const idempotencyKey = `hook:${hook.id}:${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`

    const process =
      hook.action === 'start'
        ? await this.start(workflow, hook, values, actor, idempotencyKey)
        : await this.transition(workflow, hook, values, actor, idempotencyKey)

    try {
      await db.table('workflow_hook_receipts').insert({
        hook_id: hook.id,
        message_id: messageId,
        process_id: process.id,
        created_at: sqlTime(DateTime.now()),
      })
    } catch (error) {
      // The same message twice at once: the idempotency key made the second a replay.
      if (!isUniqueViolation(error)) throw error
    }
    return { processId: process.id, reference: process.reference, replayed: false }
  }

  protected async ensureUnseen(hook: WorkflowHook, messageId: string) {
    const seen = await db
      .from('workflow_hook_receipts')
      .where('hook_id', hook.id)
      .where('message_id', messageId)
      .select('process_id')
      .first()
    if (seen) {
      throw new HookRefused(`The message "${messageId}" was received before`, {
        status: 409,
        code: 'replayed',
        details: { processId: seen.process_id },
      })
    }
  }

  /** The mapped fields, title and reference, or 422 naming each expression that failed. */
  protected mapped(hook: WorkflowHook, body: unknown) {
    const expressions: Record<string, string> = {}
    for (const [field, source] of Object.entries(hook.mapping))
      expressions[`mapping.${field}`] = source
    if (hook.reference) expressions.reference = hook.reference
    if (hook.title) expressions.title = hook.title
    const { programs, problems: compile } = compileMapping(expressions)
    const { values, problems } = evaluateMapping(programs, body)
    if (compile.length || problems.length) {
      throw new InvalidInput('The body does not fit the hook’s mapping', [...compile, ...problems])
    }
    const data: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(values)) {
      if (name.startsWith('mapping.')) data[name.slice('mapping.'.length)] = value
    }
    return { data, title: values.title, reference: values.reference }
  }

  protected async start(
    workflow: Workflow,
    hook: WorkflowHook,
    values: { data: Record<string, unknown>; title: unknown },
    actor: User,
    idempotencyKey: string
  ) {
    const title =
      typeof values.title === 'string' && values.title
        ? values.title
        : `${workflow.name} (${hook.key})`
    const { process } = await new StartProcess().handle({
      workflowKey: workflow.key,
      title,
      data: values.data,
      actor,
      idempotencyKey,
    })
    return process
  }

  protected async transition(
    workflow: Workflow,
    hook: WorkflowHook,
    values: { data: Record<string, unknown>; reference: unknown },
    actor: User,
    idempotencyKey: string
  ) {
    const process = await Process.query()
      .where('workflow_id', workflow.id)
      .where('reference', String(values.reference))
      .first()
    if (!process) {
      throw new InvalidInput('No process has that reference', [
        { field: 'reference', message: `No process of ${workflow.key} is "${values.reference}"` },
      ])
    }
    await new TransitionProcess().handle({
      process,
      transition: hook.transition!,
      expectedVersion: process.version,
      data: values.data,
      actor: { id: actor.id, role: actor.role },
      idempotencyKey,
    })
    return process
  }
}
