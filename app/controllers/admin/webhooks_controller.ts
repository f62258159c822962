import type { HttpContext } from '@adonisjs/core/http'
import ManageWebhooks from '#actions/webhooks/manage_webhooks'
import WebhookSubscriptionTransformer from '#transformers/webhook_subscription_transformer'
import WebhookDeliveryTransformer from '#transformers/webhook_delivery_transformer'
import { createWebhookValidator, updateWebhookValidator } from '#validators/webhook'
import { WEBHOOK_EVENT_TYPES } from '#enums/webhook_event'
import Workflow from '#models/workflow'

/**
 * Admin → Webhooks: subscriptions, their delivery log, create (the secret
 * is flashed once), edit, enable/disable, rotate, redeliver.
 */
export default class WebhooksController {
  async index({ inertia, bouncer, auth, request, session }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const subscriptions = await manage.visible()
    const selectedId = Number(request.input('deliveries')) || null
    const selected = subscriptions.find((s) => s.id === selectedId) ?? null
    const deliveries = selected ? await manage.deliveries(selected) : []
    const workflows = await Workflow.query().select('key', 'name').orderBy('name')
    return inertia.render('admin/webhooks/index', {
      subscriptions: WebhookSubscriptionTransformer.transform(subscriptions),
      selectedId: selected?.id ?? null,
      deliveries: WebhookDeliveryTransformer.transform(deliveries),
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      workflows: workflows.map((w) => ({ key: w.key, name: w.name })),
      newSecret: (session.flashMessages.get('webhookSecret') as string | undefined) ?? null,
    })
  }

  async store({ request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const input = await request.validateUsing(createWebhookValidator)
    const { secret } = await new ManageWebhooks(auth.getUserOrFail()).create(input)
    session.flash('webhookSecret', secret)
    session.flash('success', i18n.t('webhooks.flash.created'))
    return response.redirect().toRoute('admin.webhooks.index')
  }

  async update({ params, request, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const subscription = await manage.find(Number(params.id))
    await manage.update(subscription, await request.validateUsing(updateWebhookValidator))
    session.flash('success', i18n.t('webhooks.flash.updated'))
    return response.redirect().back()
  }

  async rotate({ params, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const { secret } = await manage.rotate(await manage.find(Number(params.id)))
    session.flash('webhookSecret', secret)
    session.flash('success', i18n.t('webhooks.flash.rotated'))
    return response.redirect().toRoute('admin.webhooks.index')
  }

  async destroy({ params, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const manage = new ManageWebhooks(auth.getUserOrFail())
    await manage.delete(await manage.find(Number(params.id)))
    session.flash('success', i18n.t('webhooks.flash.deleted'))
    return response.redirect().toRoute('admin.webhooks.index')
  }

  async redeliver({ params, response, session, bouncer, auth, i18n }: HttpContext) {
    await bouncer.authorize('viewAdmin')
    const manage = new ManageWebhooks(auth.getUserOrFail())
    await manage.redeliver(await manage.find(Number(params.id)), Number(params.delivery))
    session.flash('success', i18n.t('webhooks.flash.redelivered'))
    return response.redirect().back()
  }
}
