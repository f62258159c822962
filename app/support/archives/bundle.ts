import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'

/**
 * The archive bundle format: JSON Lines, gzip. Each process is one
 * `process` line (its row and attachment rows) followed by its `event`
 * lines in sequence order; the last line is the `manifest`. Every line
 * carries `prev`, the sha256 of the previous line's exact text (the first
 * line: 64 zeros), so a changed, removed or reordered line breaks the
 * chain where it happened. The manifest states the counts, the hashes of
 * the first and last lines before it and the processes it holds.
 */
export const GENESIS = '0'.repeat(64)
export const BUNDLE_FORMAT = 'stageflow-archive/1'

type Row = Record<string, unknown>

export type ProcessLine = {
  kind: 'process'
  prev: string
  process: Row
  attachments: Row[]
}
export type EventLine = {
  kind: 'event'
  prev: string
  reference: string
  processId: number
  sequence: number
  event: Row
}
export type ManifestLine = {
  kind: 'manifest'
  prev: string
  format: string
  workflow: string
  month: string
  processCount: number
  eventCount: number
  lineCount: number
  firstHash: string
  lastHash: string
  processes: { id: number; reference: string; events: number }[]
}
type Line = ProcessLine | EventLine | ManifestLine

export type ArchivedProcess = { process: Row; attachments: Row[]; events: Row[] }

export const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')

/** Builds a bundle's lines (text, in order) for processes with their events in sequence order. */
export function bundleLines(workflow: string, month: string, processes: ArchivedProcess[]) {
  const lines: string[] = []
  let prev = GENESIS
  const push = (line: Omit<ProcessLine, 'prev'> | Omit<EventLine, 'prev'>) => {
    const { kind, ...rest } = line
    const text = JSON.stringify({ kind, prev, ...rest })
    lines.push(text)
    prev = sha256(text)
  }
  let eventCount = 0
  for (const { process, attachments, events } of processes) {
    push({ kind: 'process', process, attachments })
    for (const event of events) {
      push({
        kind: 'event',
        reference: String(process.reference),
        processId: Number(process.id),
        sequence: Number(event.sequence),
        event,
      })
      eventCount++
    }
  }
  const manifest: ManifestLine = {
    kind: 'manifest',
    prev,
    format: BUNDLE_FORMAT,
    workflow,
    month,
    processCount: processes.length,
    eventCount,
    lineCount: lines.length,
    firstHash: lines.length ? sha256(lines[0]) : GENESIS,
    lastHash: prev,
    processes: processes.map(({ process, events }) => ({
      id: Number(process.id),
      reference: String(process.reference),
      events: events.length,
    })),
  }
  lines.push(JSON.stringify(manifest))
  return { lines, manifest }
}

export function packBundle(lines: string[]): Buffer {
  return gzipSync(lines.join('\n') + '\n')
}

export function unpackBundle(bytes: Uint8Array): string[] {
  const text = gunzipSync(bytes).toString('utf8')
  return text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1)
}

export type BundleProblem = {
  /** 1-based line number in the bundle. */
  position: number
  kind: 'changed' | 'removed' | 'reordered' | 'manifest' | 'malformed'
  message: string
}

/**
 * Checks a bundle's lines on their own (no database): the hash chain, each
 * process's events gapless and in order, and the manifest against what the
 * lines hold. Every problem names the line where it shows.
 */
export function verifyLines(lines: string[]): {
  problems: BundleProblem[]
  manifest: ManifestLine | null
  processes: number
  events: number
} {
  const problems: BundleProblem[] = []
  const parsed: (Line | null)[] = lines.map((text, index) => {
    try {
      const value = JSON.parse(text)
      if (value && typeof value === 'object' && typeof value.kind === 'string') return value
    } catch {}
    problems.push({ position: index + 1, kind: 'malformed', message: 'not a bundle line' })
    return null
  })

  // Where each (process, sequence) appears: tells a reordered event from a removed one.
  const seen = new Map<string, number>()
  parsed.forEach((line, index) => {
    if (line?.kind === 'event') seen.set(`${line.processId}:${line.sequence}`, index)
  })

  const expected = new Map<number, number>()
  const processIds: number[] = []
  let events = 0
  const last = parsed.at(-1)
  const body = last?.kind === 'manifest' ? parsed.length - 1 : parsed.length
  for (let index = 0; index < parsed.length; index++) {
    const line = parsed[index]
    const position = index + 1
    if (!line) continue
    if (line.kind === 'manifest' && index !== parsed.length - 1) {
      problems.push({ position, kind: 'manifest', message: 'a manifest before the end' })
    }
    let ordered = true
    if (line.kind === 'process') {
      processIds.push(Number(line.process?.id))
      expected.set(Number(line.process?.id), 1)
    } else if (line.kind === 'event') {
      events++
      const want = expected.get(line.processId)
      if (want === undefined) {
        ordered = false
        problems.push({
          position,
          kind: 'reordered',
          message: `event ${line.reference} #${line.sequence} is not after its process's line`,
        })
      } else if (line.sequence < want) {
        ordered = false
        problems.push({
          position,
          kind: 'reordered',
          message: `event ${line.reference} #${line.sequence} comes after #${want - 1}`,
        })
      } else if (line.sequence > want) {
        ordered = false
        const later = [...Array(line.sequence - want).keys()].some(
          (k) => (seen.get(`${line.processId}:${want + k}`) ?? -1) > index
        )
        problems.push(
          later
            ? {
                position,
                kind: 'reordered',
                message: `event ${line.reference} #${line.sequence} comes before #${want}`,
              }
            : {
                position,
                kind: 'removed',
                message: `event ${line.reference} #${want}${line.sequence - want > 1 ? `–#${line.sequence - 1}` : ''} is missing before this line`,
              }
        )
      }
      if (want !== undefined) expected.set(line.processId, Math.max(want, line.sequence + 1))
    }

    const previous = index === 0 ? GENESIS : sha256(lines[index - 1])
    if (line.prev !== previous && ordered && parsed[index - 1] !== null) {
      // The order holds here, so the line before is not what was hashed: it was changed
      // (or, when nothing else explains it, a line between them was removed).
      problems.push(
        index === 0
          ? { position, kind: 'changed', message: 'the first line does not start the chain' }
          : {
              position: position - 1,
              kind: 'changed',
              message: `line ${position - 1} is not the line this one follows (hash chain broken)`,
            }
      )
    }
  }

  const manifest = last?.kind === 'manifest' ? last : null
  if (!manifest) {
    problems.push({
      position: lines.length,
      kind: 'manifest',
      message: 'no manifest at the end: the bundle is cut short',
    })
  } else {
    const position = lines.length
    const stated: [string, unknown, unknown][] = [
      ['processCount', manifest.processCount, processIds.length],
      ['eventCount', manifest.eventCount, events],
      ['lineCount', manifest.lineCount, body],
      ['firstHash', manifest.firstHash, body ? sha256(lines[0]) : GENESIS],
      ['lastHash', manifest.lastHash, body ? sha256(lines[body - 1]) : GENESIS],
      [
        'processes',
        JSON.stringify((manifest.processes ?? []).map((p) => p.id)),
        JSON.stringify(processIds),
      ],
    ]
    for (const [field, claimed, actual] of stated) {
      if (claimed !== actual) {
        problems.push({
          position,
          kind: 'manifest',
          message: `manifest ${field} is ${JSON.stringify(claimed)}, the bundle holds ${JSON.stringify(actual)}`,
        })
      }
    }
  }
  problems.sort((a, b) => a.position - b.position)
  return { problems, manifest, processes: processIds.length, events }
}

/** The processes of a bundle (rows as archived), for restore. */
export function processesOf(lines: string[]): ArchivedProcess[] {
  const found: ArchivedProcess[] = []
  for (const text of lines) {
    const line = JSON.parse(text) as Line
    if (line.kind === 'process') {
      found.push({ process: line.process, attachments: line.attachments ?? [], events: [] })
    } else if (line.kind === 'event') {
      found.at(-1)?.events.push(line.event)
    }
  }
  return found
}
