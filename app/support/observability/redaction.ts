/**
 * Secrets never reach the logs. Two layers:
 * - by key: pino's `redact` blanks fields named like credentials
 *   (authorization and cookie headers, passwords, tokens, secrets), at
 *   the top level, under headers, and the likeliest one level down;
 * - by value: each finished line is scrubbed of the values of the
 *   configured secrets (STAGEFLOW_SECRET_*, the app key, passwords and
 *   tokens of the environment), of bearer credentials and of API tokens,
 *   wherever they appear (a message, an error text, a URL).
 */
const CREDENTIAL_KEYS = [
  'authorization',
  'Authorization',
  'proxy-authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'password',
  'passwd',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'x-api-key',
  'secret',
  'clientSecret',
]

/** Keys also looked for one level down (each wildcard costs on every line: the likeliest only). */
const NESTED_KEYS = ['authorization', 'cookie', 'password', 'token', 'secret']

const member = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`)

/**
 * Paths for pino's `redact`: each credential key at the top level and
 * under `headers`, the likeliest ones also one level down and under any
 * `*.headers`. Values of secrets are scrubbed wherever they are (below).
 */
export const REDACT_PATHS = [
  ...CREDENTIAL_KEYS.flatMap((key) => [member(key).replace(/^\./, ''), `headers${member(key)}`]),
  ...NESTED_KEYS.flatMap((key) => [`*${member(key)}`, `*.headers${member(key)}`]),
]

export const CENSOR = '[redacted]'

/** Environment variables whose values are secrets, besides STAGEFLOW_SECRET_*. */
const SECRET_VARIABLES = [
  'APP_KEY',
  'DB_PASSWORD',
  'REDIS_PASSWORD',
  'SMTP_PASSWORD',
  'S3_SECRET_ACCESS_KEY',
  'METRICS_TOKEN',
  'HEALTH_TOKEN',
]

/** Values shorter than this are not scrubbed (they would blank ordinary words). */
const MIN_SECRET_LENGTH = 6

/** The secret values configured in `environment` (longest first, so overlaps scrub whole). */
export function secretValues(environment: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>()
  for (const [key, value] of Object.entries(environment)) {
    const secret =
      (key.startsWith('STAGEFLOW_SECRET_') && !key.endsWith('_HOSTS')) ||
      SECRET_VARIABLES.includes(key)
    if (secret && value && value.length >= MIN_SECRET_LENGTH) values.add(value)
  }
  return [...values].sort((a, b) => b.length - a.length)
}

/** `Bearer <credential>` and `Basic <credential>`, in headers or in text. */
const SCHEMES = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi
/** Stageflow API tokens (sf_<id>.<secret>), wherever they appear. */
const API_TOKENS = /\bsf_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16,}/g

/**
 * A function that scrubs one serialized log line. JSON escapes some
 * characters, so each secret is also looked for as it appears inside a
 * JSON string.
 */
export function lineScrubber(secrets: string[]) {
  const forms = [
    ...new Set(secrets.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)])),
  ]
  return (line: string) => {
    let out = line
    for (const form of forms) {
      if (out.includes(form)) out = out.replaceAll(form, CENSOR)
    }
    out = out.replace(SCHEMES, (_match, scheme: string) => `${scheme} ${CENSOR}`)
    if (out.includes('sf_')) out = out.replace(API_TOKENS, `sf_${CENSOR}`)
    return out
  }
}
