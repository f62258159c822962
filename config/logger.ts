import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'
import { logContextFields } from '#support/observability/log_context'
import { CENSOR, REDACT_PATHS, lineScrubber, secretValues } from '#support/observability/redaction'

/**
 * pino-pretty is a dev dependency: an install with `--omit=dev` has none,
 * and asking pino for a missing transport would stop the app.
 */
function prettyInstalled() {
  try {
    import.meta.resolve('pino-pretty')
    return true
  } catch {
    return false
  }
}

/**
 * Structured JSON logs in production and tests (one object per line, ready
 * for a log shipper); human-readable lines while developing, which is what
 * `npm start` runs (NODE_ENV=development).
 */
const pretty = !app.inProduction && !app.inTest && prettyInstalled()

/**
 * The serialized bindings of the pino logger writing a line (pino keeps
 * them under a symbol it does not export to us), so the context fields
 * skip what a child logger already carries.
 */
let bindingsKey: symbol | undefined
function boundFields(logger: object): string {
  bindingsKey ??= Object.getOwnPropertySymbols(logger).find(
    (key) => key.description === 'pino.chindings'
  )
  return bindingsKey ? String((logger as Record<symbol, unknown>)[bindingsKey] ?? '') : ''
}

/** Scrubs the secrets configured at boot (and bearer credentials, API tokens) from every line. */
const scrub = lineScrubber(secretValues(process.env))

const loggerConfig = defineConfig({
  default: 'app',

  loggers: {
    app: {
      enabled: true,
      name: 'stageflow',
      level: env.get('LOG_LEVEL'),
      // trace_id, span_id, request_id, user_id, job, process_id, workflow_key where known.
      mixin: (_object: object, _level: number, logger: object) =>
        logContextFields(boundFields(logger)),
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      hooks: { streamWrite: scrub },
      transport: {
        targets: targets()
          .pushIf(pretty, targets.pretty())
          .pushIf(!pretty, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
