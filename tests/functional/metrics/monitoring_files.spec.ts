import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { families } from '#tests/helpers/prometheus_text'

const run = promisify(execFile)

/** The metric names a PromQL expression reads (ours and the default Node ones). */
function metricNames(expr: string) {
  return [...expr.matchAll(/\b((?:stageflow|nodejs|process)_[a-z0-9_]+)/g)].map((m) => m[1]!)
}

test.group('Metrics / compose monitoring files', () => {
  test('docker/prometheus/prometheus.yml passes promtool check config', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'sf-prom-'))
    try {
      // The compose secret is a file in the container; here a file of our own.
      const secret = join(dir, 'metrics_token')
      await writeFile(secret, 'token-for-the-check\n')
      const original = await readFile(app.makePath('docker/prometheus/prometheus.yml'), 'utf8')
      assert.include(original, '/run/secrets/metrics_token')
      const config = join(dir, 'prometheus.yml')
      await writeFile(config, original.replaceAll('/run/secrets/metrics_token', secret))
      const { stdout } = await run(process.env.PROMTOOL || 'promtool', ['check', 'config', config])
      assert.include(stdout, 'SUCCESS')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('every metric the Grafana dashboard queries is exported, from the provisioned data source', async ({
    client,
    assert,
  }) => {
    const dashboard = JSON.parse(
      await readFile(app.makePath('docker/grafana/dashboards/stageflow.json'), 'utf8')
    )
    const datasources = await readFile(
      app.makePath('docker/grafana/provisioning/datasources/prometheus.yml'),
      'utf8'
    )
    assert.include(datasources, 'uid: prometheus')

    const response = await client.get('/metrics')
    const exported = new Set(families(response.text()))
    const panels = dashboard.panels.filter((panel: any) => panel.type !== 'row')
    assert.isAbove(panels.length, 10)
    const missing: string[] = []
    for (const panel of panels) {
      assert.equal(panel.datasource.uid, 'prometheus', panel.title)
      for (const target of panel.targets) {
        for (const name of metricNames(target.expr)) {
          const family = name.replace(/_(bucket|sum|count)$/, '')
          if (!exported.has(name) && !exported.has(family)) missing.push(`${panel.title}: ${name}`)
        }
      }
    }
    assert.deepEqual(missing, [])
  })
})
