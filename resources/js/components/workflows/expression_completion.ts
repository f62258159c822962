/**
 * What an expression (CEL) input may complete at the caret: the workflow's
 * field keys after `data.`, the members of `process` and `user`, and the
 * top-level names. Pure, so the rules are easy to follow and to test.
 */

/** A field the workflow declares, as expression inputs need to know it. */
export type ExpressionField = {
  key: string
  label: string
  type: string
  options: string[]
  currency: string
}

/** Members of `process` and `user`, with the CEL type an expression sees. */
export const PROCESS_MEMBERS = {
  reference: 'string',
  title: 'string',
  priority: 'string',
  stage: 'string',
  createdAt: 'timestamp',
  dueAt: 'timestamp',
} as const
export const USER_MEMBERS = { email: 'string', role: 'string', teams: 'list' } as const
const VARIABLES = ['data', 'process', 'user', 'now'] as const

export type Suggestion =
  | { kind: 'field'; name: string; field: ExpressionField; text: string; from: number }
  | { kind: 'member'; name: string; celType: string; text: string; from: number }
  | { kind: 'variable'; name: string; text: string; from: number }

/** Suggestions at the caret; `to` is where the word being completed ends. */
export type Completion = { suggestions: Suggestion[]; to: number }

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** True when the caret is inside a string literal (an odd number of unescaped quotes before it). */
function inString(before: string): boolean {
  let quote: string | null = null
  for (let i = 0; i < before.length; i++) {
    const char = before[i]!
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = null
    } else if (char === '"' || char === "'") {
      quote = char
    }
  }
  return quote !== null
}

const ranked = <T extends { name: string }>(items: T[], prefix: string): T[] => {
  const lower = prefix.toLowerCase()
  const starts = items.filter((item) => item.name.toLowerCase().startsWith(lower))
  const contains = items.filter(
    (item) => !starts.includes(item) && lower !== '' && item.name.toLowerCase().includes(lower)
  )
  return [...starts, ...contains]
}

export function completionsAt(
  text: string,
  caret: number,
  fields: readonly ExpressionField[]
): Completion {
  const before = text.slice(0, caret)
  const wordEnd = caret + (/^[A-Za-z0-9_]*/.exec(text.slice(caret))?.[0].length ?? 0)
  const none = { suggestions: [], to: caret }
  if (inString(before)) return none

  const member = /(^|[^A-Za-z0-9_.])(data|process|user)\.([A-Za-z0-9_]*)$/.exec(before)
  if (member) {
    const [, , object, prefix] = member as unknown as [string, string, string, string]
    const from = caret - prefix.length
    if (object === 'data') {
      // Keys that are not identifiers (e.g. with "-") need the index form.
      const objectStart = from - 'data.'.length
      const suggestions = fields.map((field) =>
        IDENTIFIER.test(field.key)
          ? { kind: 'field' as const, name: field.key, field, text: field.key, from }
          : {
              kind: 'field' as const,
              name: field.key,
              field,
              text: `data[${JSON.stringify(field.key)}]`,
              from: objectStart,
            }
      )
      return { suggestions: ranked(suggestions, prefix), to: wordEnd }
    }
    const members = object === 'process' ? PROCESS_MEMBERS : USER_MEMBERS
    const suggestions = Object.entries(members).map(([name, celType]) => ({
      kind: 'member' as const,
      name,
      celType,
      text: name,
      from,
    }))
    return { suggestions: ranked(suggestions, prefix), to: wordEnd }
  }

  const word = /(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)$/.exec(before)
  if (!word) return none
  const prefix = word[2]!
  const from = caret - prefix.length
  const suggestions = VARIABLES.filter((name) => name.startsWith(prefix) && name !== prefix)
    .concat(VARIABLES.filter((name) => name === prefix && name !== 'now'))
    .map((name) => ({
      kind: 'variable' as const,
      name,
      text: name === 'now' ? name : `${name}.`,
      from,
    }))
  return { suggestions, to: wordEnd }
}

/** The data fields and `process` / `user` members an expression reads. */
export function namesUsed(source: string) {
  const collect = (pattern: RegExp) => {
    const found = new Set<string>()
    for (const match of source.matchAll(pattern)) found.add(match[1]!)
    return [...found]
  }
  const data = [
    ...new Set([
      ...collect(/\bdata\.([A-Za-z_][A-Za-z0-9_]*)/g),
      ...collect(/\bdata\[\s*["']([^"'\]]+)["']\s*\]/g),
    ]),
  ]
  return {
    data,
    process: collect(/\bprocess\.([A-Za-z_][A-Za-z0-9_]*)/g).filter((n) => n in PROCESS_MEMBERS),
    user: collect(/\buser\.([A-Za-z_][A-Za-z0-9_]*)/g).filter((n) => n in USER_MEMBERS),
  }
}
