/*
|--------------------------------------------------------------------------
| Test runner entrypoint
|--------------------------------------------------------------------------
|
| Boots the application in the "test" environment and hands over to Japa.
| `node ace test` runs this file; `npm test` wraps it (see bin/run_tests.js).
|
*/
process.env.NODE_ENV = 'test'

// Timestamps are stored and compared in UTC whatever the host's zone.
process.env.TZ = 'UTC'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'

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
      const { default: env } = await import('#start/env')
      // The suites empty the database: never point them at real data.
      const sqlite = (env.get('DB_CONNECTION') || 'sqlite') === 'sqlite'
      const target = sqlite ? env.get('SQLITE_FILE') || 'tmp/db.sqlite3' : env.get('DB_DATABASE')
      if (!/test/.test(String(target))) {
        console.error(
          `Refusing to run the tests on "${target}": they empty the database. Use "npm test", or point ${sqlite ? 'SQLITE_FILE' : 'DB_DATABASE'} at a name containing "test".`
        )
        process.exit(1)
      }
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate()]),
      },
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
