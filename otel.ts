/*
|--------------------------------------------------------------------------
| OpenTelemetry preload
|--------------------------------------------------------------------------
|
| Imported first by bin/server.ts and bin/console.ts (queue workers): the
| SDK must patch http, knex… before the app imports them. Only when
| OTEL_EXPORTER_OTLP_ENDPOINT is set in the process environment (as the
| OpenTelemetry SDK reads it; not from .env): otherwise
| neither the import hooks nor the SDK are loaded, so the quick start and
| the tests pay nothing for it.
|
*/
// Read from the process environment first: loading the config validates
// the whole environment, which commands such as `generate:key` (run before
// APP_KEY exists) must not need.
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { default: otelConfig } = await import('#config/otel')
  if (otelConfig.enabled) {
    const { init } = await import('@adonisjs/otel/init')
    await init(import.meta.dirname)
  }
}
