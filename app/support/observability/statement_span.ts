import { context, trace } from '@opentelemetry/api'
import { SpanKind, SpanStatusCode, startSpan, tracingEnabled } from '#support/observability/tracing'

/** `UPDATE processes SET …` → "update processes", as the knex instrumentation names its spans. */
function spanName(sql: string) {
  const words = sql.split(/\s+/, 4)
  const operation = (words[0] ?? 'query').toLowerCase()
  const table =
    operation === 'insert'
      ? words[2]
      : operation === 'update'
        ? words[1]
        : operation === 'delete'
          ? words[2]
          : undefined
  return table ? `${operation} ${table}` : operation
}

/**
 * Runs one SQL statement of a lean transaction inside a client span when
 * tracing is on and a parent span exists (the knex instrumentation's
 * `requireParentSpan`); otherwise just runs it. The text is recorded
 * without values: bindings can hold personal data.
 */
export async function tracedStatement<T>(
  system: 'mysql' | 'sqlite',
  sql: string,
  execute: () => Promise<T>
): Promise<T> {
  if (!tracingEnabled() || !trace.getSpan(context.active())) return execute()
  const span = startSpan(spanName(sql), {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system': system, 'db.statement': sql },
  })
  try {
    return await execute()
  } catch (error) {
    span.recordException(error as Error)
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message })
    throw error
  } finally {
    span.end()
  }
}
