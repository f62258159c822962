/**
 * JSON that is safe inside an HTML `<script type="application/json">`
 * element (or an attribute). `<`, `>` and `&` become `\u003c`, `\u003e`,
 * `\u0026`, so no stored text can close the element, open a comment or
 * start the "script data double escaped" state that swallows the rest of
 * the page (`<!--<script>`); U+2028/U+2029 are escaped too, for parsers
 * that treat them as line ends. `JSON.parse` reads the same value back.
 * (Inertia's own adapters do the same: inertiajs/inertia#3253.)
 */
export function htmlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, escapeChar)
}

function escapeChar(char: string) {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}
