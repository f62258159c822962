/**
 * A route's CEL condition as a person reads it in the timeline:
 * `data.amount <= 10000 && data.urgent` → `amount ≤ 10,000 and urgent`.
 * A light rewrite of the tokens, not a parser: text in quotes is kept as
 * it is, numbers get the locale's separators, `data.` goes, operators get
 * their mathematical signs and `&&` / `||` the words given.
 */
const SIGNS: Record<string, string> = { '<=': '≤', '>=': '≥', '!=': '≠', '==': '=' }

export function readableCondition(
  source: string,
  locale: string,
  words: { and: string; or: string }
): string {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })
  let out = ''
  let i = 0
  while (i < source.length) {
    const rest = source.slice(i)
    const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : null
    if (quote) {
      // A string literal, escapes included, copied untouched.
      let end = 1
      while (end < rest.length && rest[end] !== quote) end += rest[end] === '\\' ? 2 : 1
      out += rest.slice(0, end + 1)
      i += end + 1
      continue
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest)
    if (identifier) {
      out += identifier[0].startsWith('data.') ? identifier[0].slice(5) : identifier[0]
      i += identifier[0].length
      continue
    }
    const number = /^\d+(\.\d+)?(?![\w.])/.exec(rest)
    if (number) {
      out += numbers.format(Number(number[0]))
      i += number[0].length
      continue
    }
    const two = rest.slice(0, 2)
    if (two === '&&' || two === '||') {
      out += two === '&&' ? words.and : words.or
      i += 2
      continue
    }
    if (SIGNS[two]) {
      out += SIGNS[two]
      i += 2
      continue
    }
    out += rest[0]
    i += 1
  }
  return out
}
