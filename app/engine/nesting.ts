/**
 * Nesting limits for untrusted JSON and YAML. Parsing a deep document is
 * cheap, but much of what follows (JSON.parse revivers, deep clones, the
 * verifier, serializers) recurses once per level and overflows the stack
 * at a few thousand; nothing legitimate comes near the limit (a definition
 * is about 6 levels deep, API bodies fewer).
 */
export const MAX_NESTING = 100

/**
 * Deepest bracket nesting of JSON text, found in one pass without parsing
 * (brackets inside strings do not count). Stops counting past `limit`.
 */
export function jsonTextDepth(text: string, limit = MAX_NESTING): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x5b || char === 0x7b) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if (char === 0x5d || char === 0x7d) {
      depth--
    }
  }
  return deepest
}

/**
 * Deepest nesting of arrays and objects in a parsed value (a scalar is 0),
 * without recursion. Stops counting past `limit`.
 */
export function valueDepth(value: unknown, limit = MAX_NESTING): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!
    if (current === null || typeof current !== 'object') continue
    const level = depth + 1
    if (level > deepest) deepest = level
    if (deepest > limit) return deepest
    for (const child of Object.values(current)) pending.push([child, level])
  }
  return deepest
}
