/**
 * A signed-in browser, reduced to what the server sees: a cookie jar, the
 * XSRF token echoed back as a header (Shield's CSRF check), and Inertia's
 * header on form posts. For tests that talk to a server in another process.
 */
export class HttpSession {
  cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, referer?: string) {
    const headers: Record<string, string> = {
      'accept': 'text/html, application/xhtml+xml',
      'x-requested-with': 'XMLHttpRequest',
      'cookie': [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    }
    // Inertia answers a GET with its asset version unknown by 409; GETs here
    // are plain page loads, form posts go as Inertia visits.
    if (method !== 'GET') headers['x-inertia'] = 'true'
    const xsrf = this.cookies.get('XSRF-TOKEN')
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf)
    if (body) headers['content-type'] = 'application/json'
    if (referer) headers['referer'] = this.base + referer

    const response = await fetch(this.base + path, {
      method,
      headers,
      redirect: 'manual',
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    })
    const setCookies: string[] = []
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1))
      setCookies.push(pair.slice(0, at))
    }
    return {
      status: response.status,
      /** The names of the cookies the answer set. */
      setCookies,
      location: response.headers.get('location'),
      text: await response.text(),
    }
  }

  /** The login form: GET it for the session and XSRF cookies, then POST. */
  async login(email: string, password: string) {
    const form = await this.request('GET', '/login')
    if (form.status !== 200) throw new Error(`GET /login answered ${form.status}`)
    const answer = await this.request('POST', '/login', { email, password }, '/login')
    if (answer.status !== 302 || answer.location?.includes('/login')) {
      throw new Error(`login of ${email} answered ${answer.status} → ${answer.location}`)
    }
  }
}
