import type { HttpContext } from '@adonisjs/core/http'
import ReceiveHook from '#actions/hooks/receive_hook'

/**
 * POST /hooks/:workflowKey/:hookKey: an inbound webhook, authenticated by
 * its Standard Webhooks signature (no session, no token).
 */
export default class HooksController {
  async receive({ params, request, response }: HttpContext) {
    const headers: Record<string, string | undefined> = {}
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      headers[name] = request.header(name)
    }
    const outcome = await new ReceiveHook().handle({
      workflowKey: params.workflowKey,
      hookKey: params.hookKey,
      raw: request.raw() ?? '',
      headers,
    })
    return response.accepted({ data: outcome })
  }
}
