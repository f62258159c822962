/*
|--------------------------------------------------------------------------
| `npm start`: the quick start on the embedded default
|--------------------------------------------------------------------------
|
| Installs dependencies if needed, creates .env with an APP_KEY if missing,
| migrates and seeds SQLite (demo data only where missing, so running it
| again keeps your data), builds the assets and serves the app.
|
*/
import { spawn } from 'node:child_process'
import {
  ROOT,
  ensureDependencies,
  ensureEnvFile,
  ensureTmp,
  requireNode24,
  run,
} from './_bootstrap.js'

await requireNode24()
ensureDependencies()
ensureEnvFile()
ensureTmp()

console.log('Migrating the database…')
run('node', ['ace', 'migration:run', '--force'])
console.log('Seeding demo data where missing…')
// The demo's seeded transitions would each log "process stage changed" at info.
run('node', ['ace', 'db:seed'], { env: { ...process.env, LOG_LEVEL: 'warn' } })
console.log('Building the UI…')
run('npx', ['vite', 'build', '--logLevel', 'warn'])

// The IPC channel carries the server's "ready" message (host and port it
// really listens on): the address printed below is that one, whatever
// PORT/HOST or .env say and whatever the log level.
const server = spawn('node', ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: ROOT,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' },
})

server.on('message', (message) => {
  if (!message?.isAdonisJS || message.environment !== 'web') return
  console.log(`
  Stageflow is running at ${browsableUrl(message.host, message.port)}

  Demo logins (password: stageflow-demo)
    admin@stageflow.test     admin
    manager@stageflow.test   manager
    member@stageflow.test    member

  Press Ctrl+C to stop.
`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'))
}
server.on('exit', (code) => process.exit(code ?? 0))

/**
 * A URL a browser on this machine can open: a wildcard address (all
 * interfaces) is reached through localhost.
 */
function browsableUrl(host, port) {
  const name = ['0.0.0.0', '::', ''].includes(host) ? 'localhost' : host
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`
}
