import type { components, paths } from './stageflow.js'

/**
 * A small typed fetch wrapper over the generated types (stageflow.d.ts):
 * the path, its parameters, the body and the answer are all checked by the
 * compiler against the OpenAPI document.
 *
 *   const api = createClient({ baseUrl: 'https://stageflow.example.com', token })
 *   const { data } = await api.request('get', '/api/v1/processes/{id}', { path: { id: 7 } })
 *
 * A 2xx resolves with the parsed JSON body; any other status rejects with
 * an ApiError carrying the documented `{ errors }` body.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>
type MethodsOf<P extends keyof paths> = {
  [M in Method]: paths[P][M] extends undefined | never ? never : M
}[Method]

type Params<O> = O extends { parameters: infer Ps } ? Ps : never
type PathParams<O> = Params<O> extends { path: infer Pp } ? Pp : never
type QueryParams<O> = Params<O> extends { query?: infer Q } ? Q : never
type BodyOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type JsonBody<O> = O extends { requestBody?: infer R } ? BodyOf<NonNullable<R>> : never
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type Success<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : never }[keyof R]
  : never

type Options<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? { query?: never } : { query?: QueryParams<O> }) &
  ([JsonBody<O>] extends [never] ? { body?: never } : { body: JsonBody<O> }) & {
    idempotencyKey?: string
  }

export type ApiErrorBody = components['schemas']['ErrorResponse']

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody
  ) {
    super(`HTTP ${status}: ${body.errors.map((e) => e.code).join(', ')}`)
  }
}

export function createClient(settings: { baseUrl: string; token?: string }) {
  async function request<P extends keyof paths, M extends MethodsOf<P>>(
    method: M,
    path: P,
    ...[options]: {} extends Options<Operation<P, M>>
      ? [Options<Operation<P, M>>?]
      : [Options<Operation<P, M>>]
  ): Promise<{ status: number; data: Success<Operation<P, M>> }> {
    const opts = (options ?? {}) as {
      path?: Record<string, string | number>
      query?: Record<string, string | number | boolean | undefined>
      body?: unknown
      idempotencyKey?: string
    }
    const filled = String(path).replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String(opts.path?.[name]))
    )
    const url = new URL(filled, settings.baseUrl)
    for (const [key, value] of Object.entries(opts.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = { accept: 'application/json' }
    if (settings.token) headers.authorization = `Bearer ${settings.token}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    const text = await response.text()
    const body = text ? JSON.parse(text) : undefined
    if (!response.ok) throw new ApiError(response.status, body as ApiErrorBody)
    return { status: response.status, data: body as Success<Operation<P, M>> }
  }

  return { request }
}
