/*
|--------------------------------------------------------------------------
| Benchmark: the designer's canvas on a 60-stage workflow (Chromium)
|--------------------------------------------------------------------------
|
|   npm run bench:canvas
|
| 1. Layout: ELK (the same elk_layout.ts the browser runs) on the 60-stage
|    graph in Node, BENCH_LAYOUTS times; median and p95.
| 2. Render: builds the UI, starts the app as production runs it on a
|    SQLite file of its own (tmp/canvas_bench.sqlite3) on a free loopback
|    port, signs in as the demo manager in headless Chromium
|    (/usr/bin/chromium), saves the 60-stage workflow, then opens its
|    designer on the canvas BENCH_OPENS times and reads Chromium's own
|    counters (CDP Performance.getMetrics: ScriptDuration, TaskDuration)
|    from navigation until the 60 stages are drawn. Target: under 1 s of
|    scripting. See docs/benchmarks.md.
|
*/
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright'
import { layoutGraph } from '../resources/js/components/canvas/elk_layout.ts'
import { freePort, startServer, step } from './pages_kit.js'

const STAGES = 60
const LAYOUTS = Number(process.env.BENCH_LAYOUTS ?? 30)
const OPENS = Number(process.env.BENCH_OPENS ?? 5)
/** The reference: the same page on a small workflow, opened as often. */
const SMALL = 5
/** BENCH_PROFILE=1: a CPU profile of one 60-stage open, its top functions by self time. */
const PROFILE = process.env.BENCH_PROFILE === '1'
/** BENCH_BUILD=0 reuses the last `vite build` (repeated runs). */
const BUILD = process.env.BENCH_BUILD !== '0'
const SQLITE_FILE = 'tmp/canvas_bench.sqlite3'

/** start → 58 tasks in a chain (every fourth sends back two stages) → end. */
function sixtyStages(count = STAGES) {
  const keys = Array.from({ length: count }, (_, i) => `s${String(i).padStart(2, '0')}`)
  const stages = keys.map((key, i) => ({
    key,
    name: i === 0 ? 'Start' : i === count - 1 ? 'Done' : `Step ${i}`,
    type: i === 0 ? 'start' : i === count - 1 ? 'end' : 'task',
    ...(i === count - 1 ? { outcome: 'completed' } : {}),
  }))
  const transitions = keys
    .slice(0, -1)
    .flatMap((key, i) => [
      { key: `next_${i}`, from: key, to: keys[i + 1]!, label: `Next ${i}` },
      ...(i > 2 && i % 4 === 0
        ? [{ key: `back_${i}`, from: key, to: keys[i - 2]!, label: 'Back' }]
        : []),
    ])
  return count === STAGES
    ? { key: 'bench-sixty', name: 'Sixty stages', stages, transitions }
    : { key: `bench-${count}`, name: `${count} stages`, stages, transitions }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const ms = (value: number) => `${value.toFixed(0)} ms`

async function benchLayout() {
  const definition = sixtyStages()
  await layoutGraph(definition) // warm-up (JIT)
  const times: number[] = []
  for (let i = 0; i < LAYOUTS; i++) {
    const started = performance.now()
    await layoutGraph(definition)
    times.push(performance.now() - started)
  }
  console.log(
    `ELK layout of ${STAGES} stages, ${definition.transitions.length} transitions (Node, ${LAYOUTS} runs): median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`
  )
}

async function benchRender() {
  rmSync(new URL(`../${SQLITE_FILE}`, import.meta.url), { force: true })
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    APP_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    DB_CONNECTION: 'sqlite',
    SQLITE_FILE,
    REDIS_HOST: '',
    REDIS_CLUSTER_NODES: '',
    SESSION_DRIVER: 'cookie',
    LIMITER_STORE: 'memory',
    QUEUE_DRIVER: 'memory',
  }
  console.log('Setting up:')
  step('migrate', 'node', ['ace', 'migration:run', '--force'], env)
  step(
    'seed the demo users',
    'node',
    ['ace', 'db:seed', '--files', 'database/seeders/01_users_seeder.ts'],
    {
      ...env,
      NODE_ENV: 'development',
    }
  )
  if (BUILD) step('build the UI', 'npx', ['vite', 'build', '--logLevel', 'error'], env)
  const app = startServer(env)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  try {
    await app.ready
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    await page.goto(`${env.APP_URL}/login`)
    await page.getByLabel('E-mail').fill('manager@stageflow.test')
    await page.getByLabel('Password').fill('stageflow-demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    const cookies = await page.context().cookies()
    const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value
    for (const count of [STAGES, SMALL]) {
      const saved = await page.request.post(`${env.APP_URL}/workflows`, {
        data: { definition: sixtyStages(count) },
        headers: { 'x-xsrf-token': decodeURIComponent(xsrf ?? ''), 'accept': 'text/html' },
        maxRedirects: 0,
      })
      if (saved.status() !== 302) throw new Error(`saving the workflow answered ${saved.status()}`)
    }
    await page.evaluate(() => localStorage.setItem('stageflow.designer.view', 'canvas'))

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics')
      return Object.fromEntries(list.map((m) => [m.name, m.value]))
    }
    /** Opens the designer of a workflow of `count` stages until they are drawn. */
    const open = async (count: number) => {
      await page.goto('about:blank')
      const before = await metrics()
      const started = performance.now()
      await page.goto(`${env.APP_URL}/workflows/${sixtyStages(count).key}/edit`)
      await page.waitForFunction(
        (expected) =>
          document.querySelectorAll('.wf-canvas[data-ready="true"] .react-flow__node').length ===
          expected,
        count,
        { timeout: 30_000 }
      )
      const after = await metrics()
      return {
        wall: performance.now() - started,
        scripting: (after.ScriptDuration - before.ScriptDuration) * 1000,
        tasks: (after.TaskDuration - before.TaskDuration) * 1000,
      }
    }
    const results: Record<number, { scripting: number[]; tasks: number[]; walls: number[] }> = {}
    for (const count of [STAGES, SMALL]) {
      const runs = { scripting: [] as number[], tasks: [] as number[], walls: [] as number[] }
      await open(count) // the first open fills the HTTP cache
      for (let i = 0; i < OPENS; i++) {
        const run = await open(count)
        runs.walls.push(run.wall)
        runs.scripting.push(run.scripting)
        runs.tasks.push(run.tasks)
      }
      results[count] = runs
      if (count === STAGES) {
        await page.screenshot({ path: 'tmp/screenshots/designer-canvas-60.png', fullPage: true })
      }
    }
    if (PROFILE) await profileOpen(cdp, () => open(STAGES))

    const sixty = results[STAGES]!
    const small = results[SMALL]!
    console.log(
      `Designer on the canvas, ${STAGES} stages, Chromium headless (${OPENS} opens after a warm-up):`
    )
    console.log(
      `  scripting (ScriptDuration): median ${ms(percentile(sixty.scripting, 50))}, min ${ms(Math.min(...sixty.scripting))}, max ${ms(Math.max(...sixty.scripting))}`
    )
    console.log(
      `  main-thread tasks (TaskDuration): median ${ms(percentile(sixty.tasks, 50))}, max ${ms(Math.max(...sixty.tasks))}`
    )
    console.log(
      `  navigation to ${STAGES} stages drawn (wall): median ${ms(percentile(sixty.walls, 50))}, max ${ms(Math.max(...sixty.walls))}`
    )
    const ratio = percentile(sixty.scripting, 50) / percentile(small.scripting, 50)
    console.log(
      `Reference, ${SMALL} stages: scripting median ${ms(percentile(small.scripting, 50))}, min ${ms(Math.min(...small.scripting))}; ${STAGES} / ${SMALL} stages: ${ratio.toFixed(2)}×`
    )
    console.log(
      `  target: scripting under 1000 ms → ${percentile(sixty.scripting, 50) < 1000 ? 'met' : 'NOT met'}`
    )
  } finally {
    await browser.close()
    await app.stop()
  }
}

/** A CPU profile (CDP Profiler) of one open: the 25 functions with the most self time. */
async function profileOpen(
  cdp: import('playwright').CDPSession,
  run: () => Promise<unknown>
): Promise<void> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = await cdp.send('Profiler.stop')
  const interval = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length || 1)
  const self = new Map<string, number>()
  const counts = new Map<number, number>()
  for (const sample of profile.samples ?? []) counts.set(sample, (counts.get(sample) ?? 0) + 1)
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.split('/').pop() ?? ''
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + (counts.get(node.id) ?? 0) * interval)
  }
  const byFile = new Map<string, number>()
  for (const [name, time] of self) {
    const file = name.split(' ').pop()!.replace(/:\d+$/, '') || name
    byFile.set(file, (byFile.get(file) ?? 0) + time)
  }
  console.log('CPU profile of one open, self time by script (top 10):')
  for (const [file, time] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`  ${time.toFixed(1).padStart(7)} ms  ${file}`)
  }
  console.log('CPU profile of one open, self time (top 25):')
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${time.toFixed(1).padStart(7)} ms  ${name}`)
  }
}

console.log(
  `Designer canvas bench, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`
)
await benchLayout()
await benchRender()
