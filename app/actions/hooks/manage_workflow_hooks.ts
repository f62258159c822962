import type User from '#models/user'
import type Workflow from '#models/workflow'
import WorkflowHook, { type WorkflowHookAction } from '#models/workflow_hook'
import { DomainError, Forbidden, InvalidInput, NotFound } from '#exceptions/domain_error'
import { compileMapping } from '#engine/hook_mapping'
import { generateSecret, sealSecret } from '#support/webhooks/signing'
import { isUniqueViolation } from '#actions/processes/commit_process_change'

export type HookInput = {
  key?: string
  action?: WorkflowHookAction
  transition?: string | null
  reference?: string | null
  title?: string | null
  mapping?: Record<string, string>
  enabled?: boolean
}

/**
 * The inbound hooks of one workflow. Admins and the workflow's owner
 * manage them; everyone else gets 403.
 */
export default class ManageWorkflowHooks {
  constructor(
    protected user: User,
    protected workflow: Workflow
  ) {
    if (user.role !== 'admin' && !(user.role === 'manager' && workflow.ownerId === user.id)) {
      throw new Forbidden('Only admins and the workflow owner manage its hooks')
    }
  }

  /** The workflow page's list: the hooks, or null for users who may not manage them. */
  static async forPage(user: User, workflow: Workflow) {
    if (user.role !== 'admin' && !(user.role === 'manager' && workflow.ownerId === user.id)) {
      return null
    }
    return new ManageWorkflowHooks(user, workflow).list()
  }

  list() {
    return WorkflowHook.query().where('workflow_id', this.workflow.id).orderBy('key')
  }

  async find(key: string) {
    const hook = await this.list().where('key', key).first()
    if (!hook) throw new NotFound(`Hook "${key}"`)
    return hook
  }

  /** Creates it; the answer carries the secret, shown this once. */
  async create(input: HookInput & { key: string; action: WorkflowHookAction }) {
    const fields = this.checked({ mapping: {}, ...input })
    const secret = generateSecret()
    try {
      const hook = await WorkflowHook.create({
        workflowId: this.workflow.id,
        key: input.key,
        action: input.action,
        ...fields,
        secret: sealSecret(secret),
        enabled: true,
        createdById: this.user.id,
      })
      return { hook, secret }
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(`The hook "${input.key}" exists already`, {
          status: 409,
          code: 'hook_exists',
        })
      }
      throw error
    }
  }

  async update(hook: WorkflowHook, input: HookInput) {
    const merged = {
      action: hook.action,
      transition: input.transition !== undefined ? input.transition : hook.transition,
      reference: input.reference !== undefined ? input.reference : hook.reference,
      title: input.title !== undefined ? input.title : hook.title,
      mapping: input.mapping ?? hook.mapping,
    }
    hook.merge(this.checked(merged))
    if (input.enabled !== undefined) hook.enabled = input.enabled
    await hook.save()
    return hook
  }

  async delete(hook: WorkflowHook) {
    await hook.delete()
  }

  /** A transition hook names its transition and how to find the process; every expression compiles. */
  protected checked(input: HookInput & { action?: WorkflowHookAction }) {
    const problems: { field: string; message: string }[] = []
    const transition = input.transition ?? null
    const reference = input.reference ?? null
    if (input.action === 'transition') {
      if (!transition)
        problems.push({ field: 'transition', message: 'A transition hook names a transition' })
      if (!reference)
        problems.push({
          field: 'reference',
          message: 'A transition hook says how to find the process (e.g. body.reference)',
        })
    }
    const expressions: Record<string, string> = {}
    for (const [field, source] of Object.entries(input.mapping ?? {}))
      expressions[`mapping.${field}`] = source
    if (reference) expressions.reference = reference
    if (input.title) expressions.title = input.title
    problems.push(...compileMapping(expressions).problems)
    if (problems.length) throw new InvalidInput('The hook is not valid', problems)
    return {
      transition: input.action === 'transition' ? transition : null,
      reference: input.action === 'transition' ? reference : null,
      title: input.title ?? null,
      mapping: input.mapping ?? {},
    }
  }
}
