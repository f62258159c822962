import { spawn } from 'node:child_process'

/**
 * The value of one sample in Prometheus text: `name` with exactly these
 * labels (in any order). 0 when the series is absent (a counter not yet
 * touched).
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = pairs(labels)
  const found = series(text, name).find(
    (s) => s.labels.length === wanted.length && s.labels.every((pair, i) => pair === wanted[i])
  )
  return found?.value ?? 0
}

/** The sum of every series of `name` that has at least these labels. */
export function total(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = pairs(labels)
  return series(text, name)
    .filter((s) => wanted.every((pair) => s.labels.includes(pair)))
    .reduce((sum, s) => sum + s.value, 0)
}

function pairs(labels: Record<string, string>) {
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
}

function series(text: string, name: string) {
  const found: { labels: string[]; value: number }[] = []
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line)
    if (!match || match[1] !== name) continue
    const labels = (match[2] ? (match[2].match(/[a-zA-Z_]+="(?:[^"\\]|\\.)*"/g) ?? []) : []).sort()
    found.push({ labels, value: Number(match[3]) })
  }
  return found
}

/** The metric families (`# TYPE` lines) a text declares. */
export function families(text: string) {
  return [...text.matchAll(/^# TYPE (\S+) \S+$/gm)].map((m) => m[1]!)
}

/**
 * `promtool check metrics` (Debian's prometheus package) on a text:
 * its exit code and what it printed (problems, one per line).
 */
export function promtoolCheck(text: string) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.env.PROMTOOL || 'promtool', ['check', 'metrics'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('error', (error) =>
      reject(
        new Error(
          `promtool did not run (${error.message}): install Debian's "prometheus" package (apt-get install prometheus)`
        )
      )
    )
    child.once('close', (code) => resolve({ code, output }))
    child.stdin.end(text)
  })
}
