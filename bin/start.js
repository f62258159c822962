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
run('node', ['ace', 'db:seed'])
console.log('Building the UI…')
run('npx', ['vite', 'build', '--logLevel', 'warn'])

const server = spawn('node', ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: ROOT,
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' },
})

let announced = false
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (!announced && /started HTTP server on/.test(chunk.toString())) {
    announced = true
    const url = process.env.APP_URL || 'http://localhost:3333'
    console.log(`
  Stageflow is running at ${url}

  Demo logins (password: stageflow-demo)
    admin@stageflow.test     admin
    manager@stageflow.test   manager
    member@stageflow.test    member

  Press Ctrl+C to stop.
`)
  }
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'))
}
server.on('exit', (code) => process.exit(code ?? 0))
