/*
|--------------------------------------------------------------------------
| HTTP server entrypoint
|--------------------------------------------------------------------------
|
| Boots the application and starts the HTTP server. `node ace serve` runs
| this file and restarts it on changes; production runs the compiled copy.
|
*/
// Timestamps are stored and compared in UTC whatever the host's zone.
process.env.TZ = 'UTC'

// First: tracing, when configured, must patch modules before the app imports them.
import '../otel.js'
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.ready(async () => {
      const { startEmbeddedQueue } = await import('#start/queue')
      await startEmbeddedQueue()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .httpServer()
  .start()
  .catch((error) => {
    // Background work (the in-process queue) must not keep a server that
    // could not start (e.g. port taken) alive.
    prettyPrintError(error)
    process.exit(1)
  })
