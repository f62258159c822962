/*
|--------------------------------------------------------------------------
| `npm run api:client`: the TypeScript client types from the OpenAPI document
|--------------------------------------------------------------------------
|
| Runs `node ace api:client` (commands/api_client.ts), which needs no
| database or Redis: settings the app insists on get harmless defaults
| when the environment has none. `--check` (the `prebuild` step) fails when
| clients/typescript/ is out of date instead of writing it.
|
*/
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { ROOT, requireNode24 } from './_bootstrap.js'

await requireNode24()

const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'development',
  HOST: process.env.HOST || '127.0.0.1',
  PORT: process.env.PORT || '3333',
  APP_URL: process.env.APP_URL || 'http://127.0.0.1:3333',
  APP_KEY: process.env.APP_KEY || randomBytes(32).toString('base64url'),
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  DB_CONNECTION: process.env.DB_CONNECTION || 'sqlite',
}

const child = spawn('node', ['ace', 'api:client', ...process.argv.slice(2)], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
})
child.on('exit', (code) => process.exit(code ?? 1))
