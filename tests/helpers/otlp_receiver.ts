import { createServer, type Server } from 'node:http'

/** One span as an OTLP/HTTP JSON export carries it, flattened. */
export type ReceivedSpan = {
  traceId: string
  spanId: string
  parentSpanId: string
  name: string
  kind: number
  startNs: bigint
  endNs: bigint
  attributes: Record<string, string | number | boolean>
  /** service.name and stageflow.role of the process that sent it. */
  service: string
  role: string
}

type AnyValue = {
  stringValue?: string
  intValue?: string | number
  doubleValue?: number
  boolValue?: boolean
}
type KeyValue = { key: string; value: AnyValue }

function valueOf(value: AnyValue): string | number | boolean {
  if (value.stringValue !== undefined) return value.stringValue
  if (value.intValue !== undefined) return Number(value.intValue)
  if (value.doubleValue !== undefined) return value.doubleValue
  if (value.boolValue !== undefined) return value.boolValue
  return ''
}

function attributesOf(list: KeyValue[] | undefined) {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, valueOf(kv.value)]))
}

/**
 * A local OTLP/HTTP receiver (what a collector listens on): accepts
 * `POST /v1/traces` in the JSON encoding (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`)
 * and keeps every span it is sent. Anything else is answered 404, and a
 * body it cannot read 400 (and noted in `refused`).
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = []
  readonly refused: string[] = []
  #server: Server

  private constructor(server: Server) {
    this.#server = server
  }

  static async start() {
    let receiver!: OtlpReceiver
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1/traces') {
          res.writeHead(404).end()
          return
        }
        try {
          receiver.#collect(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        } catch (error) {
          receiver.refused.push(`${req.headers['content-type']}: ${(error as Error).message}`)
          res.writeHead(400).end()
          return
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
      })
    })
    receiver = new OtlpReceiver(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return receiver
  }

  get endpoint() {
    return `http://127.0.0.1:${(this.#server.address() as { port: number }).port}`
  }

  #collect(body: any) {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const resource = attributesOf(resourceSpans.resource?.attributes)
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          this.spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? '',
            name: span.name,
            kind: span.kind,
            startNs: BigInt(span.startTimeUnixNano),
            endNs: BigInt(span.endTimeUnixNano),
            attributes: attributesOf(span.attributes),
            service: String(resource['service.name'] ?? ''),
            role: String(resource['stageflow.role'] ?? ''),
          })
        }
      }
    }
  }

  /** The spans of one trace, by start time. */
  trace(traceId: string) {
    return this.spans
      .filter((span) => span.traceId === traceId)
      .sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0))
  }

  close() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}
