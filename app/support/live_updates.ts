import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import type { ContainerBindings } from '@adonisjs/core/types'
import db from '@adonisjs/lucid/services/db'
import { mayAccess } from '#support/access/workflow_access'

/**
 * Live updates to open pages, as server-sent events (@adonisjs/transmit).
 * Two kinds of channel:
 *
 * - `users/<id>`: what concerns one person (their notifications); only
 *   that person may subscribe.
 * - `processes/<id>`: something happened to a process; whoever may see
 *   its workflow's processes may subscribe.
 *
 * A live update is a hint to refresh, never the only copy of anything: the
 * database has the truth and pages reload it. So publishing never throws
 * and never waits — without transmit (a script, a worker started without
 * the provider) or with Redis away, the update is logged and dropped.
 */
type Transmit = ContainerBindings['transmit']
type Message = Record<string, unknown>

export const userChannel = (userId: number) => `users/${userId}`
export const processChannel = (processId: number) => `processes/${processId}`

let resolving: Promise<Transmit | null> | null = null
/** The instance this process serves event streams with (set when the routes are wired). */
let registered: Transmit | null = null

function transmit(): Promise<Transmit | null> {
  resolving ??= (async () => {
    if (!app.container.hasBinding('transmit')) return null
    return app.container.make('transmit')
  })().catch((error) => {
    logger.warn({ err: error }, 'live updates unavailable: transmit did not start')
    return null
  })
  return resolving
}

function publish(channel: string, message: Message) {
  void transmit()
    .then((instance) => {
      if (!instance) {
        logger.debug({ channel }, 'live update dropped: transmit is not available here')
        return
      }
      // Broadcastable is JSON; job payloads are ids and short strings.
      instance.broadcast(channel, JSON.parse(JSON.stringify(message)))
    })
    .catch((error) => logger.warn({ err: error, channel }, 'live update not sent'))
}

export function publishToUser(userId: number, message: Message) {
  publish(userChannel(userId), message)
}

export function publishToProcess(processId: number, message: Message) {
  publish(processChannel(processId), message)
}

/**
 * Wires transmit into the app: the channel rules, the three routes
 * (called inside the signed-in route group, so they need a session) and
 * a clean shutdown.
 */
export function registerLiveUpdates(instance: Transmit) {
  registered = instance
  authorizeLiveChannels(instance)
  instance.registerRoutes((route) => route.use(requireStreamInput))
  // The HTTP server's graceful close waits for open connections, and an
  // event stream never ends by itself. Hooks run last-registered first,
  // so registering once the server is up ends the streams before that
  // wait; browsers reconnect (to another instance, if there is one).
  app.ready(() => {
    app.terminating(() => closeLiveStreams(instance))
  })
}

const STREAM_UID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Transmit's controllers throw (a 500) when `uid` or `channel` is missing;
 * bad input is the caller's mistake, so it gets a 422 naming the field.
 */
async function requireStreamInput(ctx: HttpContext, next: () => Promise<void>) {
  const needsChannel = ctx.request.method() === 'POST'
  const problems: { field: string; message: string }[] = []
  const uid = ctx.request.input('uid')
  if (typeof uid !== 'string' || !STREAM_UID.test(uid))
    problems.push({ field: 'uid', message: 'A stream id (letters, digits, "-", "_") is required.' })
  const channel = ctx.request.input('channel')
  if (needsChannel && (typeof channel !== 'string' || !channel || channel.length > 200))
    problems.push({ field: 'channel', message: 'A channel name is required.' })
  if (problems.length) {
    return ctx.response.unprocessableEntity({
      errors: problems.map((p) => ({ code: 'invalid_input', ...p })),
    })
  }
  return next()
}

/** Event streams open on this process (0 where transmit is not wired: workers, commands). */
export function openLiveStreams() {
  return registered ? registered.getManager().getAllSubscribers().size : 0
}

/**
 * Ends every open event stream of this process.
 */
export function closeLiveStreams(instance: Transmit) {
  for (const [stream] of instance.getManager().getAllSubscribers()) stream.end()
}

/**
 * Who may subscribe to what. The subscribe route sits behind the session
 * auth middleware, so `ctx.auth.user` is the signed-in person.
 */
export function authorizeLiveChannels(instance: Transmit) {
  instance.authorize<{ id: string }>(
    'users/:id',
    (ctx: HttpContext, { id }) => ctx.auth.user?.id === Number(id)
  )
  // Only who may see the process's workflow hears about it.
  instance.authorize<{ id: string }>('processes/:id', async (ctx: HttpContext, { id }) => {
    const user = ctx.auth.user
    if (!user || !/^\d+$/.test(id)) return false
    const row = await db.from('processes').where('id', Number(id)).select('workflow_id').first()
    return Boolean(row) && (await mayAccess(user, Number(row.workflow_id), 'see'))
  })
}
