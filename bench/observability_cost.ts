/*
|--------------------------------------------------------------------------
| Benchmark: what observability costs per engine transition
|--------------------------------------------------------------------------
|
|   node --import=@poppinss/ts-exec bench/observability_cost.ts
|
| Runs bench/engine_transitions.ts twice, each in a process of its own:
|   off  — Prometheus metrics (always on), no tracing, log level warn;
|   on   — metrics, tracing exported over OTLP/HTTP (protobuf, the default)
|          to a local sink this script runs, and logs at info (one
|          "process stage changed" line per transition, to /dev/null here).
| Prints the engine's Node CPU per transition off and on (the difference is
| the cost of observability, in µs) and the engine/raw ratio at c=16 with
| observability on (target ≥ 60 %). Same settings as engine_transitions.ts
| (DB_*, BENCH_*). See docs/benchmarks.md.
|
*/
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'

type Medians = Record<
  string,
  { engineOps: number; rawOps: number; ratio: number; engineCpuMicros: number }
>

/** An OTLP/HTTP endpoint that accepts and counts, like a collector that drops everything. */
const sink = { requests: 0, bytes: 0 }
const server = createServer((req, res) => {
  req.on('data', (chunk: Buffer) => (sink.bytes += chunk.length))
  req.on('end', () => {
    sink.requests++
    res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end()
  })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`

function run(label: string, env: NodeJS.ProcessEnv): Promise<Medians> {
  console.log(`\n=== observability ${label} ===`)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import=@poppinss/ts-exec', 'bench/engine_transitions.ts'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let result: Medians | null = null
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        if (line.startsWith('{')) continue // the app's JSON log lines: written, not shown
        if (line.startsWith('BENCH_RESULT ')) result = JSON.parse(line.slice(13))
        else console.log(line)
      }
    })
    child.on('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`${label}: the bench exited ${code} without a result`))
    )
  })
}

// Two full runs: give each the whole deadline unless told otherwise.
process.env.BENCH_DEADLINE_SECONDS ??= '400'
const off = await run('off', { BENCH_OBSERVABILITY: '', OTEL_EXPORTER_OTLP_ENDPOINT: '' })
const on = await run('on', {
  BENCH_OBSERVABILITY: '1',
  BENCH_LOG_LEVEL: 'info',
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
})
server.close()

const fmt = (value: number) => Math.round(value).toLocaleString('en-US')
console.log(
  `\nObservability cost (medians; the sink took ${sink.requests} exports, ${fmt(sink.bytes / 1024)} KiB):\n`
)
console.log(
  '| case | engine ops/s off → on | Node CPU per transition off → on | cost per transition | engine/raw with observability |'
)
console.log(
  '|------|----------------------:|---------------------------------:|--------------------:|------------------------------:|'
)
for (const label of Object.keys(on)) {
  const a = off[label]!
  const b = on[label]!
  console.log(
    `| ${label} | ${fmt(a.engineOps)} → ${fmt(b.engineOps)} | ${fmt(a.engineCpuMicros)} → ${fmt(b.engineCpuMicros)} µs | ${fmt(b.engineCpuMicros - a.engineCpuMicros)} µs CPU | ${Math.round(b.ratio * 100)}%${label === 'c=16' ? (b.ratio >= 0.6 ? ' (target ≥ 60% met)' : ' (below the 60% target)') : ''} |`
  )
}
