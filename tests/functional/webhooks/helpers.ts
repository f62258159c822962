import { Webhook } from 'standardwebhooks'
import User from '#models/user'
import type { ReceivedHook } from '#tests/helpers/webhook_receiver'

export async function bearer(user: User) {
  const token = await User.accessTokens.create(user)
  return `Bearer ${token.value!.release()}`
}

/** What the official package says about a received delivery (throws when it does not verify). */
export function verified(secret: string, hook: ReceivedHook) {
  const headers: Record<string, string> = {}
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    headers[name] = String(hook.headers[name])
  }
  return new Webhook(secret).verify(hook.raw, headers) as {
    type: string
    timestamp: string
    data: Record<string, any>
  }
}

/** Standard Webhooks headers for an inbound request. */
export function signed(secret: string, id: string, body: unknown, at = new Date()) {
  const raw = JSON.stringify(body)
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, raw),
  }
}

/** Awaits a request and checks its status. */
export async function expectStatus<R extends { assertStatus(status: number): void }>(
  request: PromiseLike<R>,
  status: number
) {
  const response = await request
  response.assertStatus(status)
  return response
}

/** Rows of a model's table. */
export async function countOf(model: { all(): Promise<unknown[]> }) {
  const rows = await model.all()
  return rows.length
}
