/*
|--------------------------------------------------------------------------
| OpenTelemetry preload
|--------------------------------------------------------------------------
|
| Imported first by bin/server.ts and bin/console.ts (queue workers): the
| SDK must patch http, knex… before the app imports them. Only when
| config/otel.ts enables it (OTEL_EXPORTER_OTLP_ENDPOINT set): otherwise
| neither the import hooks nor the SDK are loaded, so the quick start and
| the tests pay nothing for it.
|
*/
import otelConfig from '#config/otel'

if (otelConfig.enabled) {
  const { init } = await import('@adonisjs/otel/init')
  await init(import.meta.dirname)
}
