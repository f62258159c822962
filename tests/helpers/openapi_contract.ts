import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { ApiClient, type ApiResponse } from '@japa/api-client'

/**
 * Checks answers of /api/v1 against the OpenAPI document the app serves:
 * the status must be documented for the operation, the content type too,
 * and a JSON body must match the schema. Response objects are read as
 * closed (a property the document does not name is a contradiction), so a
 * field added to a transformer without documenting it is caught.
 */

type Json = { [key: string]: any }

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void

function pointerGet(doc: Json, pointer: string): any {
  let node: any = doc
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node
}

const deref = (doc: Json, node: Json): Json =>
  node && typeof node.$ref === 'string' ? deref(doc, pointerGet(doc, node.$ref)) : node

/**
 * A copy of the document whose object schemas are closed: `allOf` of
 * objects merged into one object, and objects without an explicit
 * `additionalProperties` given `additionalProperties: false`.
 */
export function closedDocument(original: Json): Json {
  const doc = structuredClone(original)
  const close = (node: any): any => {
    if (Array.isArray(node)) return node.map(close)
    if (!node || typeof node !== 'object') return node
    if (Array.isArray(node.allOf)) {
      const members = node.allOf.map((m: Json) => deref(original, m))
      if (members.every((m: Json) => m.type === 'object' && m.properties)) {
        const { allOf, ...rest } = node
        node = {
          ...rest,
          type: 'object',
          properties: Object.assign({}, ...members.map((m: Json) => m.properties)),
          required: [...new Set(members.flatMap((m: Json) => m.required ?? []))],
        }
      }
    }
    const result: Json = {}
    for (const [key, value] of Object.entries(node)) {
      // Property names are data, not schemas: never close the map itself.
      result[key] =
        key === 'properties'
          ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, close(v)]))
          : close(value)
    }
    if (
      result.type === 'object' &&
      result.properties &&
      !('additionalProperties' in result) &&
      !('unevaluatedProperties' in result)
    ) {
      result.additionalProperties = false
    }
    return result
  }
  doc.components = close(doc.components)
  doc.paths = close(doc.paths)
  return doc
}

export type Operation = {
  key: string
  method: string
  path: string
  pattern: RegExp
  operation: Json
  pointer: string
}

export class OpenapiContract {
  readonly doc: Json
  readonly operations: Operation[] = []
  #ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
  #compiled = new Map<string, ValidateFunction>()

  constructor(served: Json) {
    this.doc = closedDocument(served)
    addFormats(this.#ajv)
    this.#ajv.addSchema(this.doc, 'openapi.json')
    for (const [path, item] of Object.entries<Json>(this.doc.paths)) {
      const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')
      for (const method of METHODS) {
        if (!item[method]) continue
        const escaped = path.replace(/~/g, '~0').replace(/\//g, '~1')
        this.operations.push({
          key: `${method} ${path}`,
          method,
          path,
          pattern: new RegExp(`^${source}$`),
          operation: item[method],
          pointer: `#/paths/${escaped}/${method}`,
        })
      }
    }
  }

  /** The documented operation a request hits, or undefined for an unknown path. */
  operationFor(method: string, pathname: string): Operation | undefined {
    // A literal segment wins over a parameter (`/processes/export` over `/processes/{id}`),
    // as in the router, where such parameters only match numbers.
    const params = (op: Operation) => (op.path.match(/\{/g) ?? []).length
    return this.operations
      .filter((op) => op.method === method.toLowerCase() && op.pattern.test(pathname))
      .sort((a, b) => params(a) - params(b))[0]
  }

  /** The schema (resolved through $ref) at a pointer, for request generation. */
  schemaAt(pointer: string): Json {
    return deref(this.doc, pointerGet(this.doc, pointer))
  }

  /** Contradictions between an answer and the document; empty when it conforms. */
  problems(method: string, url: string, status: number, contentType: string, body: unknown) {
    const pathname = new URL(url, 'http://x').pathname
    const op = this.operationFor(method, pathname)
    if (!op) return []
    const where = `${method.toUpperCase()} ${pathname} → ${status}`
    const answerPointer = `${op.pointer}/responses/${status}`
    let answer = pointerGet(this.doc, answerPointer)
    if (!answer) return [`${where}: status ${status} is not documented for ${op.key}`]
    let pointer = answerPointer
    while (answer.$ref) {
      pointer = answer.$ref
      answer = pointerGet(this.doc, pointer)
    }
    const media = contentType.split(';')[0]!.trim().toLowerCase()
    if (!answer.content) {
      return body === undefined || body === '' || status === 204 || isEmpty(body)
        ? []
        : [`${where}: documented without a body, but one came back`]
    }
    if (!answer.content[media]) {
      return [
        `${where}: content type "${media}" is not documented (${Object.keys(answer.content)})`,
      ]
    }
    if (media !== 'application/json') return []
    const schemaPointer = `${pointer}/content/application~1json/schema`
    const validate = this.#validator(schemaPointer)
    if (validate(body)) return []
    return (validate.errors ?? []).map(
      (e) => `${where}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`
    )
  }

  /** Where the JSON request body of an operation ("post /api/v1/x") is described, if it has one. */
  requestPointer(key: string): string | undefined {
    const op = this.operations.find((o) => o.key === key)
    if (!op) throw new Error(`"${key}" is not documented`)
    let pointer = `${op.pointer}/requestBody`
    let body = pointerGet(this.doc, pointer)
    if (!body) return undefined
    while (body.$ref) {
      pointer = body.$ref
      body = pointerGet(this.doc, pointer)
    }
    // A multipart upload has no JSON body to generate or check.
    if (!body.content?.['application/json']) return undefined
    return `${pointer}/content/application~1json/schema`
  }

  /** Why a request body does not fit the documented one; empty when it does. */
  requestProblems(key: string, body: unknown): string[] {
    const pointer = this.requestPointer(key)
    if (!pointer) return [`${key} documents no request body`]
    const validate = this.#validator(pointer)
    if (validate(body)) return []
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`
    )
  }

  #validator(pointer: string) {
    let validate = this.#compiled.get(pointer)
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `openapi.json${pointer}` })
      this.#compiled.set(pointer, validate)
    }
    return validate
  }
}

const isEmpty = (body: unknown) =>
  body && typeof body === 'object' && Object.keys(body as object).length === 0

let cached: Promise<OpenapiContract> | undefined

/** The contract built from the document the running app serves (fetched once). */
export function servedContract(origin: string) {
  cached ??= fetch(new URL('/api/v1/openapi.json', origin)).then(async (response) => {
    if (response.status !== 200) throw new Error(`GET /api/v1/openapi.json → ${response.status}`)
    return new OpenapiContract((await response.json()) as Json)
  })
  return cached
}

/** Throws (failing the test that made the request) when an answer contradicts the document. */
export async function assertConformsToContract(response: ApiResponse) {
  const config = response.request.config
  const url = new URL(config.endpoint, config.baseUrl ?? 'http://localhost')
  if (!url.pathname.startsWith('/api/v1/')) return
  const body = response.text() === '' ? undefined : response.body()
  const contract = await servedContract(url.origin)
  const problems = contract.problems(
    config.method,
    url.pathname,
    response.status(),
    response.header('content-type') ?? '',
    body
  )
  if (problems.length) {
    throw new Error(`The answer contradicts the OpenAPI document:\n  ${problems.join('\n  ')}`)
  }
}

/**
 * Japa plugin: every request the api client sends to /api/v1 in any test
 * is checked against the served document.
 */
export function openapiContract() {
  return function register() {
    ApiClient.teardown(assertConformsToContract)
  }
}
