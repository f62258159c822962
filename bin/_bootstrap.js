/*
|--------------------------------------------------------------------------
| Shared helpers of `npm start` and `npm test`
|--------------------------------------------------------------------------
|
| Plain JavaScript with no dependencies, so that it runs before anything is
| installed and on an older Node, to say what is missing in one line.
|
*/
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Stops at once, with one line, on a Node older than 24.
 */
export function requireNode24() {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 24) {
    console.error(
      `Stageflow needs Node.js 24 or newer (found ${process.version}). Install Node 24 LTS, e.g. "npm i -g node@24" or from nodejs.org, then run this again.`
    )
    process.exit(1)
  }
}

/**
 * Installs dependencies when node_modules is missing or package-lock.json
 * changed since the last install (a hash is kept in node_modules).
 */
export function ensureDependencies() {
  const lock = join(ROOT, 'package-lock.json')
  const stamp = join(ROOT, 'node_modules', '.stageflow-lock-hash')
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex')
  const fresh = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === hash
  if (fresh()) return

  // One install at a time: two commands started together (a test run and
  // the app, or parallel test runs) must not both rewrite node_modules.
  const guard = join(ROOT, '.install-lock')
  while (!tryMkdir(guard)) {
    if (Date.now() - statSync(guard, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) {
      rmSync(guard, { recursive: true, force: true }) // left by a killed install
      continue
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
  }
  try {
    if (fresh()) return
    console.log('Installing dependencies (npm ci)…')
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    if (result.status !== 0) {
      rmSync(guard, { recursive: true, force: true })
      console.error(`"npm ci" failed (exit ${result.status ?? result.signal}).`)
      process.exit(result.status || 1)
    }
    writeFileSync(stamp, hash)
  } finally {
    rmSync(guard, { recursive: true, force: true })
  }
}

function tryMkdir(path) {
  try {
    mkdirSync(path)
    return true
  } catch (error) {
    if (error.code === 'EEXIST') return false
    throw error
  }
}

/**
 * Creates .env from .env.example with a fresh APP_KEY when it is missing.
 */
export function ensureEnvFile() {
  const env = join(ROOT, '.env')
  if (existsSync(env)) return
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
  writeFileSync(
    env,
    example.replace(/^APP_KEY=.*$/m, `APP_KEY=${randomBytes(32).toString('base64url')}`)
  )
  console.log('Created .env with a new APP_KEY.')
}

export function ensureTmp() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true })
}

/**
 * Runs a command in the app root, inheriting stdio; exits on failure.
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options })
  if (result.status !== 0) {
    console.error(
      `"${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`
    )
    process.exit(result.status || 1)
  }
  return result
}
