/*
|--------------------------------------------------------------------------
| `npm run typecheck`
|--------------------------------------------------------------------------
|
| Regenerates .adonisjs/ (route, page and controller types) so they match
| the code, then type-checks backend and frontend in one program. Code
| generation boots the app, so missing variables get harmless defaults
| (a fresh clone has no .env).
|
*/
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { ROOT, requireNode24, run } from './_bootstrap.js'

await requireNode24()

const env = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: '3333',
  APP_URL: 'http://127.0.0.1:3333',
  APP_KEY: randomBytes(32).toString('base64url'),
  LOG_LEVEL: 'warn',
  DB_CONNECTION: 'sqlite',
  ...process.env,
}

await new Promise((resolve, reject) => {
  const child = spawn('node', ['ace', 'codegen'], { cwd: ROOT, env, stdio: 'inherit' })
  // Ace ignores SIGTERM; a stuck generator must not hang CI.
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  child.on('exit', (code) => {
    clearTimeout(timer)
    code === 0 ? resolve() : reject(new Error(`node ace codegen failed (exit ${code})`))
  })
}).catch((error) => {
  console.error(error.message)
  process.exit(1)
})

run('npx', ['tsc', '--noEmit'])
