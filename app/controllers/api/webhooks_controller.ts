import type { HttpContext } from '@adonisjs/core/http'
import ManageWebhooks from '#actions/webhooks/manage_webhooks'
import WebhookSubscriptionTransformer from '#transformers/webhook_subscription_transformer'
import WebhookDeliveryTransformer from '#transformers/webhook_delivery_transformer'
import { createWebhookValidator, updateWebhookValidator } from '#validators/webhook'
import { serialize } from '#support/api_serializer'

/**
 * Outbound webhook subscriptions over the API: /api/v1/webhooks. The
 * signing secret is in the answer of create and rotate only.
 * Authorization is in ManageWebhooks (admins: all; managers: their workflows).
 */
export default class WebhooksController {
  async index({ auth }: HttpContext) {
    const subscriptions = await new ManageWebhooks(auth.getUserOrFail()).visible()
    return serialize(WebhookSubscriptionTransformer.transform(subscriptions))
  }

  async store({ request, response, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    manage.ensureAllowed()
    const input = await request.validateUsing(createWebhookValidator)
    const { subscription, secret } = await manage.create(input)
    const body = await serialize(WebhookSubscriptionTransformer.transform(subscription))
    return response.created({ data: { ...body.data, secret } })
  }

  async show({ params, auth }: HttpContext) {
    const subscription = await new ManageWebhooks(auth.getUserOrFail()).find(Number(params.id))
    return serialize(WebhookSubscriptionTransformer.transform(subscription))
  }

  async update({ params, request, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const subscription = await manage.find(Number(params.id))
    const input = await request.validateUsing(updateWebhookValidator)
    await manage.update(subscription, input)
    return serialize(WebhookSubscriptionTransformer.transform(subscription))
  }

  async destroy({ params, response, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    await manage.delete(await manage.find(Number(params.id)))
    return response.noContent()
  }

  async rotate({ params, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const { subscription, secret } = await manage.rotate(await manage.find(Number(params.id)))
    const body = await serialize(WebhookSubscriptionTransformer.transform(subscription))
    return { data: { ...body.data, secret } }
  }

  async deliveries({ params, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const deliveries = await manage.deliveries(await manage.find(Number(params.id)))
    return serialize(WebhookDeliveryTransformer.transform(deliveries))
  }

  async redeliver({ params, response, auth }: HttpContext) {
    const manage = new ManageWebhooks(auth.getUserOrFail())
    const subscription = await manage.find(Number(params.id))
    const delivery = await manage.redeliver(subscription, Number(params.delivery))
    return response.accepted(await serialize(WebhookDeliveryTransformer.transform(delivery)))
  }
}
