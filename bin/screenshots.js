/*
|--------------------------------------------------------------------------
| `npm run screenshots`: regenerate docs/screenshots/*.png
|--------------------------------------------------------------------------
|
| Seeds a scratch SQLite database with the demo data, serves the built UI on
| a spare port, signs in as the demo manager in headless Chromium and takes
| the pages the README shows, at 1280 px (and 390 px for the dashboard),
| including the designer's canvas and the workflow page's flow overlay.
|
*/
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright'
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

const port = process.env.SCREENSHOT_PORT || '3399'
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: port,
  APP_URL: `http://127.0.0.1:${port}`,
  DB_CONNECTION: 'sqlite',
  SQLITE_FILE: 'tmp/screenshots.sqlite3',
  REDIS_HOST: '',
  LOG_LEVEL: 'warn',
}
for (const suffix of ['', '-wal', '-shm'])
  rmSync(join(ROOT, `tmp/screenshots.sqlite3${suffix}`), { force: true })
run('node', ['ace', 'migration:run', '--force'], { env })
run('node', ['ace', 'db:seed'], { env })
run('npx', ['vite', 'build', '--logLevel', 'warn'], { env })

const server = spawn('node', ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
})
const deadline = Date.now() + 90_000
for (;;) {
  const up = await fetch(`http://127.0.0.1:${port}/health/live`)
    .then((r) => r.ok)
    .catch(() => false)
  if (up) break
  if (Date.now() > deadline) {
    server.kill('SIGINT')
    throw new Error('the server did not start')
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const out = join(ROOT, 'docs/screenshots')
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
  ],
})
try {
  const base = `http://127.0.0.1:${port}`
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto(`${base}/login`)
  await page.getByLabel('E-mail').fill('manager@stageflow.test')
  await page.getByLabel('Password').fill('stageflow-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${base}/`)

  const shots = [
    ['dashboard', '/'],
    ['process-list', '/processes'],
    ['board', '/workflows/order-fulfilment/board'],
    ['process-page', '/processes/41'],
    ['designer', '/workflows/order-fulfilment/edit'],
    ['workflows', '/workflows'],
  ]
  for (const [name, path] of shots) {
    if (path) {
      const response = await page.goto(`${base}${path}`)
      if (!response || response.status() >= 400) {
        console.warn(`skipped ${name}: ${path} answered ${response?.status()}`)
        continue
      }
    } else {
      await page.goto(`${base}/processes`)
      const link = page.locator('a[href^="/processes/"]').first()
      if (!(await link.count())) {
        console.warn('skipped process-page: no process link on the list')
        continue
      }
      await link.click()
    }
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: false })
    console.log(`docs/screenshots/${name}.png`)
  }

  // The designer on its canvas, and the flow overlay of the workflow page: both wait until
  // ELK has laid the diagram out and React Flow has drawn it (data-ready).
  const canvasShots = [
    ['designer-canvas', '/workflows/order-fulfilment/edit', '.wf-canvas-panel'],
    ['flow-overlay', '/workflows/order-fulfilment', '.wf-diagram'],
  ]
  await page.evaluate(() => localStorage.setItem('stageflow.designer.view', 'canvas'))
  for (const [name, path, part] of canvasShots) {
    try {
      await page.goto(`${base}${path}`)
      await page.locator('.wf-canvas[data-ready="true"]').first().waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      await page
        .locator(part)
        .first()
        .evaluate((element) => (element.closest('section') ?? element).scrollIntoView())
      // Below the sticky top bar.
      await page.evaluate(() => window.scrollBy(0, -72))
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: false })
      console.log(`docs/screenshots/${name}.png`)
    } catch (error) {
      console.warn(`skipped ${name}: ${error.message.split('\n')[0]}`)
    }
  }
  await page.evaluate(() => localStorage.removeItem('stageflow.designer.view'))

  // A report, computed by the in-process queue of the served app.
  try {
    await page.goto(`${base}/reports`)
    const form = page.getByRole('form', { name: 'New report' })
    await form.getByLabel('Report', { exact: true }).selectOption({ label: 'Cycle time' })
    await form.getByRole('button', { name: 'Run report' }).click()
    await page.waitForURL((url) => /^\/reports\/runs\/\d+$/.test(url.pathname))
    await page.locator('.report-chart svg.recharts-surface').first().waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: join(out, 'report.png'), fullPage: false })
    console.log('docs/screenshots/report.png')
  } catch (error) {
    console.warn(`skipped report: ${error.message.split('\n')[0]}`)
  }

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${base}/`)
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(out, 'dashboard-390.png') })
  console.log('docs/screenshots/dashboard-390.png')
} finally {
  await browser.close()
  server.kill('SIGINT')
}
