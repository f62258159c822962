/**
 * The hostile-input corpus: text that broke (or could break) pages, parsers,
 * spreadsheets and object handling. Each must be stored and read back as
 * is, or refused with a 422 naming the field — never a 5xx.
 * Used by tests/functional/security/hostile_api.spec.ts, hostile_web.spec.ts and the property
 * run (tests/helpers/schema_arbitrary.ts).
 */
export type Hostile = { name: string; value: string }

export const HOSTILE_STRINGS: Hostile[] = [
  { name: 'comment and script opener', value: '<!--<script>' },
  { name: 'script closer', value: '</script><script>alert(1)</script>' },
  { name: '__proto__', value: '__proto__' },
  { name: 'constructor', value: 'constructor' },
  { name: 'prototype', value: 'prototype' },
  { name: 'NUL', value: 'before\u0000after' },
  { name: 'lone high surrogate', value: 'a\uD800b' },
  { name: 'lone low surrogate', value: 'a\uDC00b' },
  { name: 'RTL override', value: 'invoice\u202Etxt.exe' },
  { name: 'line and paragraph separators', value: 'one\u2028two\u2029three' },
  { name: 'formula (=)', value: "=cmd|' /C calc'!A0" },
  { name: 'formula (+)', value: '+1+1' },
  { name: 'formula (-)', value: '-2+3' },
  { name: 'formula (@)', value: '@SUM(A1:A2)' },
  { name: 'formula after tab', value: '\t=1+1' },
  { name: 'template braces', value: '{{secret.DB_PASSWORD}}' },
  { name: 'JSON breaker', value: '"}]},{"a":"' },
  { name: 'SQL', value: "' OR 1=1 --" },
]

/** Cells a spreadsheet would run as a formula (OWASP CSV injection). */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r']

/** 1 MB of text (beyond every documented maxLength). */
export const HUGE_STRING = 'x'.repeat(1024 * 1024)

/** `{"a":{"a":…}}` nested `levels` deep, as JSON text (JSON.stringify would overflow first). */
export function deepJson(levels: number) {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)
}

/** `[[[…]]]` nested `levels` deep, as JSON text. */
export function deepArrayJson(levels: number) {
  return '['.repeat(levels) + ']'.repeat(levels)
}

/** A JSON body whose title holds bytes that are not UTF-8 (a lone continuation byte and an overlong NUL). */
export function invalidUtf8Body(field: string, extra: Record<string, unknown> = {}) {
  const json = JSON.stringify({ ...extra, [field]: 'BAD' })
  const [before, after] = json.split('BAD') as [string, string]
  return Buffer.concat([
    Buffer.from(before),
    Buffer.from([0x80, 0xc0, 0x80, 0xff]),
    Buffer.from(after),
  ])
}

/** The value a lone surrogate becomes once it has been through UTF-8 (U+FFFD). */
export function afterUtf8(value: string) {
  return Buffer.from(value, 'utf8').toString('utf8')
}
