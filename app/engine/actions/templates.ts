/**
 * Templates in action definitions: `{{path}}` placeholders filled from the
 * process and earlier steps. Pure: the caller supplies the values.
 *
 *   {{process.id}} {{process.reference}} {{process.title}}
 *   {{data.<field>}}                  process data
 *   {{steps.<action>.<path>}}         JSON response of an earlier http step
 *   {{idempotencyKey}}                this execution's key
 *   {{secret.NAME}}                   headers only; read from the environment
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const PATH =
  /^(process\.(id|reference|title)|idempotencyKey|data\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*|steps\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*|secret\.[A-Z][A-Z0-9_]*)$/

export type TemplateScope = {
  process: { id: number; reference: string; title: string }
  data: Record<string, unknown>
  steps: Record<string, unknown>
  idempotencyKey: string
  secret?: (name: string) => string
}

/** Placeholders of a template string, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/** Problems of a template: unknown paths, secrets outside headers. */
export function templateProblems(template: string, allowSecrets: boolean): string[] {
  const problems: string[] = []
  if ((template.match(/\{\{/g) ?? []).length !== placeholdersOf(template).length) {
    problems.push('has an unclosed "{{"')
  }
  for (const path of placeholdersOf(template)) {
    if (!PATH.test(path)) problems.push(`uses the unknown placeholder "{{${path}}}"`)
    else if (path.startsWith('secret.') && !allowSecrets) {
      problems.push(`uses the secret "${path.slice(7)}" outside the headers`)
    }
  }
  return problems
}

function lookup(scope: TemplateScope, path: string): unknown {
  if (path === 'idempotencyKey') return scope.idempotencyKey
  const [head, ...rest] = path.split('.')
  if (head === 'secret') {
    if (!scope.secret) throw new Error(`secrets are only allowed in headers`)
    return scope.secret(rest.join('.'))
  }
  let value: unknown =
    head === 'process' ? scope.process : head === 'data' ? scope.data : scope.steps
  for (const part of rest) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/**
 * Fills a string. A string that is exactly one placeholder keeps the
 * value's type (a number stays a number in a JSON body); otherwise values
 * are written as text (missing ones as "").
 */
export function renderString(template: string, scope: TemplateScope): unknown {
  const whole = /^\{\{\s*([^{}]*?)\s*\}\}$/.exec(template)
  if (whole) return lookup(scope, whole[1]!) ?? null
  return template.replace(PLACEHOLDER, (_m, path: string) => {
    const value = lookup(scope, path)
    if (value === undefined || value === null) return ''
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  })
}

/** Fills every string leaf of a JSON value. */
export function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return renderString(value, scope)
  if (Array.isArray(value)) return value.map((item) => renderValue(item, scope))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderValue(item, scope)])
    )
  }
  return value
}

/** Every string leaf of a JSON value. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringLeaves)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringLeaves)
  return []
}
