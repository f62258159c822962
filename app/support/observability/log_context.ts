/**
 * What a log line written inside a request or a job says about where it
 * comes from, whichever logger wrote it (the global one, a request's
 * `ctx.logger`, a job's child): trace_id/span_id of the active span,
 * request_id and user_id of the request, the job's name and id, and the
 * process and workflow the engine is working on. config/logger.ts adds
 * these fields to every line (a pino mixin).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { HttpContext } from '@adonisjs/core/http'
import { activeIds } from '#support/observability/tracing'

export type KnownFields = {
  job?: string
  process_id?: number
  workflow_key?: string
}

const jobs = new AsyncLocalStorage<KnownFields>()
/** What the engine learnt during a request (a request has no store of ours). */
const requests = new WeakMap<HttpContext, KnownFields>()

/** Runs a job's work with its fields on every line it logs. */
export function withJobContext<T>(fields: KnownFields, work: () => T): T {
  return jobs.run({ ...fields }, work)
}

/** Adds what is now known (the process, its workflow) to the current request's or job's lines. */
export function annotateLogContext(fields: KnownFields) {
  const store = jobs.getStore()
  if (store) {
    Object.assign(store, fields)
    return
  }
  const ctx = HttpContext.get()
  if (!ctx) return
  const known = requests.get(ctx)
  if (known) Object.assign(known, fields)
  else requests.set(ctx, { ...fields })
}

type Fields = Record<string, string | number>

/**
 * The context fields of a log line. `bound` is the serialized bindings of
 * the logger writing it: a field a child logger already carries (the
 * request_id of `ctx.logger`) is not repeated.
 */
export function logContextFields(bound = ''): Fields {
  const fields: Fields = {}
  const ids = activeIds()
  if (ids) {
    fields.trace_id = ids.trace_id
    fields.span_id = ids.span_id
  }
  // A job's store wins: a job run by the in-process queue is not part of the request that queued it.
  const job = jobs.getStore()
  const ctx = job ? null : HttpContext.get()
  if (ctx) {
    fields.request_id = ctx.request.id() ?? ''
    const userId = (ctx as { auth?: { user?: { id?: number } } }).auth?.user?.id
    if (userId !== undefined) fields.user_id = userId
  }
  const known = job ?? (ctx ? requests.get(ctx) : undefined)
  if (known) {
    for (const [key, value] of Object.entries(known)) {
      if (value !== undefined) fields[key] = value
    }
  }
  if (bound) {
    for (const key of Object.keys(fields)) {
      if (bound.includes(`"${key}":`)) delete fields[key]
    }
  }
  return fields
}
