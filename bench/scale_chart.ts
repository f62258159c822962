/*
|--------------------------------------------------------------------------
| The scale curve: p95 per page and report against the process count
|--------------------------------------------------------------------------
|
|   npm run bench:scale-chart [-- results.json out.svg]
|
| Reads what `npm run bench:scale` recorded (tmp/bench-scale-results.json:
| every size measured, each run adding or replacing its own) and draws
| docs/scale-curve.svg: two panels (pages, reports), log–log, one line per
| page or report, its raw-SQL baseline dotted in the same colour, and the
| targets (1.5× growth from 100,000; 1 s for reports) as grey guides.
| A plain SVG written here: no chart library, nothing downloaded.
|
*/
import { readFileSync, writeFileSync } from 'node:fs'

type ScaleFigures = { p50: number; p95: number; raw50: number; raw95: number }
/** Size (processes) → label → figures, as bench/scale.ts records them. */
type ScaleResults = Record<string, Record<string, ScaleFigures>>

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2']
const PANEL = { width: 820, height: 360, left: 64, right: 290, top: 40, bottom: 48 }

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const decades = (low: number, high: number) => {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++) out.push(10 ** e)
  return out
}

const label = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`)
const sizeLabel = (n: number) =>
  n >= 1_000_000 ? `${n / 1_000_000} M` : n >= 1000 ? `${n / 1000} k` : String(n)

/** One panel: the series whose label `pick` accepts, at the panel's offset. */
function panel(
  results: ScaleResults,
  title: string,
  pick: (label: string) => boolean,
  offsetY: number,
  guide: 'growth' | 'second'
) {
  const sizes = Object.keys(results)
    .map(Number)
    .sort((a, b) => a - b)
  const labels = [...new Set(sizes.flatMap((size) => Object.keys(results[size]!).filter(pick)))]
  const values = sizes.flatMap((size) =>
    labels.flatMap((l) => {
      const f = results[size]![l]
      return f ? [f.p95, f.raw95] : []
    })
  )
  if (labels.length === 0 || values.length === 0) return ''
  const yTicks = decades(Math.max(0.1, Math.min(...values)), Math.max(...values, 1000))
  const [yMin, yMax] = [yTicks[0]!, yTicks.at(-1)!]
  const [xMin, xMax] = [sizes[0]!, Math.max(sizes.at(-1)!, sizes[0]! * 10)]
  const plotW = PANEL.width - PANEL.left - PANEL.right
  const plotH = PANEL.height - PANEL.top - PANEL.bottom
  const x = (n: number) =>
    PANEL.left +
    ((Math.log10(n) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotW
  const y = (ms: number) =>
    offsetY +
    PANEL.top +
    plotH -
    ((Math.log10(Math.max(ms, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) *
      plotH
  const parts: string[] = [
    `<text x="${PANEL.left}" y="${offsetY + 24}" font-weight="bold">${escape(title)}</text>`,
  ]
  for (const tick of yTicks) {
    parts.push(
      `<line x1="${PANEL.left}" x2="${PANEL.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
      `<text x="${PANEL.left - 6}" y="${y(tick) + 4}" text-anchor="end">${label(tick)}</text>`
    )
  }
  for (const size of sizes) {
    parts.push(
      `<line x1="${x(size)}" x2="${x(size)}" y1="${offsetY + PANEL.top}" y2="${offsetY + PANEL.top + plotH}" stroke="#eee"/>`,
      `<text x="${x(size)}" y="${offsetY + PANEL.top + plotH + 18}" text-anchor="middle">${sizeLabel(size)}</text>`
    )
  }
  parts.push(
    `<text x="${PANEL.left + plotW / 2}" y="${offsetY + PANEL.height - 8}" text-anchor="middle">processes (log scale); p95, solid: the app, dotted: its raw SQL</text>`
  )
  if (guide === 'second') {
    parts.push(
      `<line x1="${PANEL.left}" x2="${PANEL.left + plotW}" y1="${y(1000)}" y2="${y(1000)}" stroke="#999" stroke-dasharray="8 4"/>`,
      `<text x="${PANEL.left + plotW - 4}" y="${y(1000) - 4}" text-anchor="end" fill="#666">target: 1 s</text>`
    )
  }
  labels.forEach((name, index) => {
    const colour = COLOURS[index % COLOURS.length]!
    const points = sizes.filter((size) => results[size]![name])
    const line = (key: 'p95' | 'raw95') =>
      points.map((size) => `${x(size).toFixed(1)},${y(results[size]![name]![key]).toFixed(1)}`)
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${line('p95').join(' ')}"/>`,
      `<polyline fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="2 3" points="${line('raw95').join(' ')}"/>`,
      ...points.map(
        (size) =>
          `<circle cx="${x(size).toFixed(1)}" cy="${y(results[size]![name]!.p95).toFixed(1)}" r="3" fill="${colour}"><title>${escape(name)}: ${results[size]![name]!.p95.toFixed(1)} ms p95 at ${sizeLabel(size)}</title></circle>`
      ),
      `<rect x="${PANEL.left + plotW + 14}" y="${offsetY + PANEL.top + index * 20 - 9}" width="12" height="4" fill="${colour}"/>`,
      `<text x="${PANEL.left + plotW + 32}" y="${offsetY + PANEL.top + index * 20 - 3}">${escape(name)}</text>`
    )
    if (guide === 'growth' && points.includes(100_000)) {
      // Where 1.5× the 100,000 figure would put the line at the largest size.
      const base = results['100000']![name]!.p95
      const last = points.at(-1)!
      if (last > 100_000) {
        parts.push(
          `<line x1="${x(100_000)}" y1="${y(base)}" x2="${x(last)}" y2="${y(base * 1.5)}" stroke="${colour}" stroke-opacity="0.35" stroke-dasharray="8 4"/>`
        )
      }
    }
  })
  if (guide === 'growth') {
    parts.push(
      `<text x="${PANEL.left + 4}" y="${offsetY + PANEL.top + 12}" fill="#666">faint dashes: 1.5× the 100 k figure (the target)</text>`
    )
  }
  return parts.join('\n')
}

function scaleChart(results: ScaleResults) {
  const isReport = (l: string) => l.startsWith('report')
  const height = PANEL.height * 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL.width}" height="${height}" viewBox="0 0 ${PANEL.width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="p95 of each page and report against the number of processes">
<rect width="100%" height="100%" fill="#fff"/>
${panel(results, 'Pages: p95 against the number of processes', (l) => !isReport(l), 0, 'growth')}
${panel(results, 'Reports: p95 against the number of processes', isReport, PANEL.height, 'second')}
</svg>
`
}

/** Adds this run's sizes to the results file (a size measured again replaces the old one). */
export function recordScaleResults(file: string, sizes: Map<number, Map<string, ScaleFigures>>) {
  let kept: ScaleResults = {}
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as ScaleResults
  } catch {
    // No results yet (or unreadable): start again.
  }
  for (const [size, figures] of sizes) kept[String(size)] = Object.fromEntries(figures)
  writeFileSync(file, JSON.stringify(kept, null, 2))
  return kept
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const input = process.argv[2] ?? 'tmp/bench-scale-results.json'
  const output = process.argv[3] ?? 'docs/scale-curve.svg'
  const results = JSON.parse(readFileSync(input, 'utf8')) as ScaleResults
  writeFileSync(output, scaleChart(results))
  console.log(`${output}: ${Object.keys(results).length} sizes from ${input}`)
}
