import type { HttpContext } from '@adonisjs/core/http'
import Workflow from '#models/workflow'
import ManageWorkflowHooks from '#actions/hooks/manage_workflow_hooks'
import WorkflowHookTransformer from '#transformers/workflow_hook_transformer'
import { createHookValidator, updateHookValidator } from '#validators/webhook'
import { NotFound } from '#exceptions/domain_error'

async function manager({ params, auth }: HttpContext) {
  const workflow = await Workflow.findBy('key', params.key)
  if (!workflow) throw new NotFound(`Workflow "${params.key}"`)
  return new ManageWorkflowHooks(auth.getUserOrFail(), workflow)
}

/**
 * A workflow's inbound hooks: /api/v1/workflows/:key/hooks. The secret is
 * in the create answer only. Admins and the workflow's owner.
 */
export default class WorkflowHooksController {
  async index(ctx: HttpContext) {
    const manage = await manager(ctx)
    const hooks = await manage.list()
    return {
      data: hooks.map((hook) => new WorkflowHookTransformer(hook, ctx.params.key).toObject()),
    }
  }

  async store(ctx: HttpContext) {
    const manage = await manager(ctx)
    const input = await ctx.request.validateUsing(createHookValidator)
    const { hook, secret } = await manage.create(input)
    return ctx.response.created({
      data: { ...new WorkflowHookTransformer(hook, ctx.params.key).toObject(), secret },
    })
  }

  async update(ctx: HttpContext) {
    const manage = await manager(ctx)
    const hook = await manage.find(ctx.params.hook)
    const input = await ctx.request.validateUsing(updateHookValidator)
    await manage.update(hook, input)
    return { data: new WorkflowHookTransformer(hook, ctx.params.key).toObject() }
  }

  async destroy(ctx: HttpContext) {
    const manage = await manager(ctx)
    await manage.delete(await manage.find(ctx.params.hook))
    return ctx.response.noContent()
  }
}
