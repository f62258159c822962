/**
 * Where a verifier problem belongs. The verifier reports JSON paths such
 * as `$.stages[2].fields[0].options[1]`; the UI needs "stage 2, field 0,
 * property options" to put the message next to the right control.
 */

export type ProblemLike = { path: string; code?: string; message: string }

/** `rest` is what follows the property, e.g. ["user"] for `…assignee.user`. */
export type ProblemTarget =
  | { kind: 'workflow'; property: string | null }
  | { kind: 'stages' }
  | { kind: 'transitions' }
  | { kind: 'stage'; stage: number; property: string | null; rest: (string | number)[] }
  | {
      kind: 'field'
      stage: number
      field: number
      property: string | null
      rest: (string | number)[]
    }
  | { kind: 'transition'; transition: number; property: string | null; rest: (string | number)[] }

/** Splits "$.a[2].b['c d']" into ["a", 2, "b", "c d"]. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = []
  const pattern = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g
  const body = path.startsWith('$') ? path.slice(1) : path
  let match: RegExpExecArray | null
  while ((match = pattern.exec(body)) !== null) {
    if (match[1] !== undefined) segments.push(match[1])
    else if (match[2] !== undefined) segments.push(Number(match[2]))
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string)
  }
  return segments
}

export function problemTarget(path: string): ProblemTarget {
  const segments = pathSegments(path)
  const [first, second, third, fourth, fifth] = segments
  if (first === 'stages') {
    if (typeof second !== 'number') return { kind: 'stages' }
    if (third === 'fields' && typeof fourth === 'number') {
      return {
        kind: 'field',
        stage: second,
        field: fourth,
        property: typeof fifth === 'string' ? fifth : null,
        rest: segments.slice(5),
      }
    }
    return {
      kind: 'stage',
      stage: second,
      property: typeof third === 'string' ? third : null,
      rest: segments.slice(3),
    }
  }
  if (first === 'transitions') {
    if (typeof second !== 'number') return { kind: 'transitions' }
    return {
      kind: 'transition',
      transition: second,
      property: typeof third === 'string' ? third : null,
      rest: segments.slice(3),
    }
  }
  return { kind: 'workflow', property: typeof first === 'string' ? first : null }
}
