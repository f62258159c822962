import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

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

const loggerConfig = defineConfig({
  default: 'app',

  loggers: {
    app: {
      enabled: true,
      name: 'stageflow',
      level: env.get('LOG_LEVEL'),
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
