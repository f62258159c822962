/**
 * Spans and trace context for the application's own steps (engine
 * commands, the relay, jobs, http actions), through the OpenTelemetry API
 * only: without the SDK (tracing off) every call here is a no-op that
 * allocates next to nothing.
 *
 * Context crosses processes as a W3C `traceparent` string: the outbox row
 * stores the one of the command that wrote it, the relay passes its own
 * on in the job data, the worker's job span continues it, and outbound
 * calls send it to the external system.
 */
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api'

const tracer = trace.getTracer('stageflow')

type DelegatingProvider = { getDelegateTracer?: (name: string) => unknown }

/**
 * Whether an OpenTelemetry SDK is installed (`otel.ts` registers one
 * before the app loads when an OTLP endpoint is configured). Without it
 * the API's tracer is a no-op, and hot paths skip even creating its spans.
 */
export function tracingEnabled(): boolean {
  const provider = trace.getTracerProvider() as DelegatingProvider
  return provider.getDelegateTracer?.('stageflow') !== undefined
}

export { SpanKind, SpanStatusCode }

/** The active context as a `traceparent`, or null when nothing is traced. */
export function currentTraceparent(): string | null {
  // No span, no trace (tracing off or outside any request or job): skip the propagator.
  if (!trace.getSpan(context.active())) return null
  const carrier: Record<string, string> = {}
  propagation.inject(context.active(), carrier)
  return carrier.traceparent ?? null
}

/** The `traceparent` that makes the next span a child of `span`. */
export function traceparentOf(span: Span): string | null {
  const carrier: Record<string, string> = {}
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier)
  return carrier.traceparent ?? null
}

/** The context a stored `traceparent` continues (the root context when none). */
export function contextOf(traceparent: unknown): Context {
  if (typeof traceparent !== 'string' || !traceparent) return ROOT_CONTEXT
  return propagation.extract(ROOT_CONTEXT, { traceparent })
}

/** Adds `traceparent` (and `tracestate`) of the active context to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>) {
  propagation.inject(context.active(), headers)
}

export type SpanOptions = {
  kind?: SpanKind
  attributes?: Attributes
  /** Parent context (default: the active one). */
  parent?: Context
}

/**
 * Runs `work` inside a new active span, ended when it settles; an error
 * is recorded on the span and thrown on.
 */
export function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>
): Promise<T> {
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await work(span)
      } catch (error) {
        span.recordException(error as Error)
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message })
        throw error
      } finally {
        span.end()
      }
    }
  )
}

/** A span that starts and ends around a step the caller times (not made active). */
export function startSpan(name: string, options: SpanOptions) {
  return tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    options.parent ?? context.active()
  )
}

/** trace_id and span_id of the active span, for log lines (none when not traced). */
export function activeIds(): { trace_id: string; span_id: string } | null {
  const span = trace.getSpan(context.active())
  if (!span) return null
  const { traceId, spanId } = span.spanContext()
  return { trace_id: traceId, span_id: spanId }
}
