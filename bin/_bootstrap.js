/*
|--------------------------------------------------------------------------
| Shared helpers of `npm start` and `npm test`
|--------------------------------------------------------------------------
|
| Plain JavaScript with no dependencies, so that it runs before anything is
| installed and on an older Node (20), which it replaces with Node 24.
|
*/
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { spawn, spawnSync } from 'node:child_process'
import { homedir, platform, arch } from 'node:os'
import { fileURLToPath } from 'node:url'
import { delimiter, dirname, join } from 'node:path'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * On a Node older than 24, runs this same command again under Node 24 from
 * the npm registry's `node@24` package (as CI provisions it), installed once
 * into a cache that `npm ci` does not touch: STAGEFLOW_NODE24_DIR, default
 * ~/.cache/stageflow/node24. Returns only when already on Node 24; otherwise
 * the process ends with the re-run's exit code. Use it as
 * `await requireNode24()` before anything else.
 */
export async function requireNode24() {
  if (majorOf(process.version) >= 24) return
  if (process.env.STAGEFLOW_NODE24_RERUN) {
    fail(`Stageflow needs Node.js 24 or newer, and the re-run still found ${process.version}.`)
  }
  const dir = process.env.STAGEFLOW_NODE24_DIR || join(cacheHome(), 'stageflow', 'node24')
  const bin = join(dir, 'node_modules', 'node', 'bin')
  let version = nodeVersion(join(bin, 'node'))
  if (majorOf(version) < 24) {
    installNode24(dir)
    version = nodeVersion(join(bin, 'node'))
    if (majorOf(version) < 24) fail(`npm's node@24 package gave no working Node 24 in ${bin}.`)
  }
  console.log(
    `Node ${process.version} is older than 24: running under Node ${version} from npm's node@24 (${dir}).`
  )

  // Native addons must build against the headers of the Node that runs
  // them (a user's ~/.npmrc may name another Node's); the package ships them.
  const headers = join(dir, 'node_modules', 'node', 'node_modules', `node-${platform}-${arch}`)
  const child = spawn(join(bin, 'node'), [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      STAGEFLOW_NODE24_RERUN: '1',
      ...(existsSync(join(headers, 'include')) ? { npm_config_nodedir: headers } : {}),
    },
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal))
  }
  // Never resolves: what follows the call must not run under the old Node.
  return new Promise(() => {
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  })
}

function majorOf(version) {
  return Number(/^v?(\d+)/.exec(version ?? '')?.[1] ?? 0)
}

function nodeVersion(path) {
  if (!existsSync(path)) return null
  return spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() || null
}

function cacheHome() {
  return process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
}

/**
 * `npm install node@24` into a scratch folder renamed into place, so a
 * half-done install is never used; a concurrent run that finished first wins.
 */
function installNode24(dir) {
  console.log(`Installing Node 24 once, from npm's node@24 package, into ${dir}…`)
  mkdirSync(dirname(dir), { recursive: true })
  const scratch = mkdtempSync(`${dir}.tmp-`)
  // npm 11.19+ skips a dependency's install scripts unless allowScripts names
  // it, and node@24's preinstall is what puts the binary in place.
  writeFileSync(
    join(scratch, 'package.json'),
    `${JSON.stringify({ private: true, allowScripts: { node: true } })}\n`
  )
  const result = spawnSync(
    'npm',
    ['install', '--prefix', scratch, '--no-save', '--no-audit', '--no-fund', 'node@24'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
  )
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true })
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    fail(
      `Could not install Node 24 ("npm install node@24" exit ${result.status ?? result.error?.message}). Install Node 24 LTS yourself (nodejs.org), then run this again.`
    )
  }
  if (majorOf(nodeVersion(join(dir, 'node_modules', 'node', 'bin', 'node'))) >= 24) {
    rmSync(scratch, { recursive: true, force: true }) // another run installed it meanwhile
    return
  }
  rmSync(dir, { recursive: true, force: true })
  try {
    renameSync(scratch, dir)
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true })
    if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error
  }
}

function fail(message) {
  console.error(message)
  process.exit(1)
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
    // --include=dev: `npm start` builds the UI with vite, a dev dependency,
    // also when the shell says NODE_ENV=production (npm would omit it).
    const result = spawnSync('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], {
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
