/**
 * JSON requests of the bulk dialog (session-authenticated POSTs: the
 * XSRF-TOKEN cookie goes back as the X-XSRF-TOKEN header, as Inertia does).
 */
export type BulkApiError = { code: string; message: string; field?: string }

export async function postJson<T>(
  url: string,
  body: unknown,
  method: 'POST' | 'PUT' = 'POST'
): Promise<{ ok: true; data: T } | { ok: false; errors: BulkApiError[] }> {
  const token = document.cookie
    .split('; ')
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.slice('XSRF-TOKEN='.length)
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        'Accept': 'application/json',
        'Content-Type': 'application/json',
        ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {}),
      },
      body: JSON.stringify(body),
    })
    const json = (await response.json().catch(() => ({}))) as T & { errors?: BulkApiError[] }
    if (response.ok) return { ok: true, data: json }
    return {
      ok: false,
      errors: json.errors ?? [{ code: `http_${response.status}`, message: response.statusText }],
    }
  } catch (error) {
    return { ok: false, errors: [{ code: 'network', message: (error as Error).message }] }
  }
}
