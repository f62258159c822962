/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable the application reads is declared and validated here, at
| boot. A missing or malformed value stops the process with one line that
| names the variable. Only files under config/ read `env`; the rest of the
| code reads config.
|
*/
import { Env } from '@adonisjs/core/env'
import { AllowList } from '#support/egress/addresses'

const SECRET_PREFIX = 'STAGEFLOW_SECRET_'

/** An optional comma-separated allowlist; a malformed entry is named. */
function allowList(key: string, value?: string) {
  try {
    AllowList.parse(value)
  } catch (error) {
    throw new Error(`Invalid value for "${key}": ${(error as Error).message}`)
  }
  return value
}

/** "host:port=calls,host=calls", calls a positive whole number; a bad entry is named. */
function perHostLimits(key: string, value?: string) {
  for (const entry of (value ?? '').split(',').map((item) => item.trim())) {
    if (entry && !/^[^=\s]+=[1-9][0-9]*$/.test(entry)) {
      throw new Error(
        `Invalid value for "${key}": "${entry}" is not host=calls (e.g. api.example.com=120)`
      )
    }
  }
  return value
}

/** "claim value=role,…" with a known role on the right of each pair. */
function roleMap(key: string, value?: string) {
  for (const entry of (value ?? '').split(',').map((item) => item.trim())) {
    if (entry && !/^[^=]+=(admin|manager|member)$/.test(entry)) {
      throw new Error(
        `Invalid value for "${key}": "${entry}" is not claim-value=role (role: admin, manager or member)`
      )
    }
  }
  return value
}

/** Single sign-on variables that only make sense together. */
export function checkSsoVariables(values: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  const insecure = ['true', '1'].includes(values.SSO_ALLOW_INSECURE_HTTP ?? '')
  if (insecure && values.NODE_ENV === 'production') {
    problems.push('SSO_ALLOW_INSECURE_HTTP: plain-http issuers are refused in production')
  }
  if (!values.SSO_ISSUER) return problems
  if (!values.SSO_CLIENT_ID) problems.push('SSO_CLIENT_ID: required when SSO_ISSUER is set')
  if (values.SSO_ISSUER.startsWith('http:') && !insecure) {
    problems.push(
      'SSO_ISSUER: must be https (SSO_ALLOW_INSECURE_HTTP=true only outside production)'
    )
  }
  if (values.SSO_SCOPES && !values.SSO_SCOPES.split(/\s+/).includes('openid')) {
    problems.push('SSO_SCOPES: must include "openid"')
  }
  return problems
}

/**
 * A variable declared by prefix (STAGEFLOW_SECRET_*): checked at boot by
 * `checkPrefixedVariables`, read here because the typed schema cannot name it.
 */
export function prefixedVariable(name: string): string | undefined {
  if (!name.startsWith(SECRET_PREFIX)) throw new Error(`${name} is not a declared prefix`)
  return process.env[name] || undefined
}

export const envSchema = {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  /**
   * Tests only: "built" serves the production build in public/assets (npm
   * test builds it when the browser suite runs), "dev" (the default) Vite's
   * dev server. See app/support/vite_provider.ts.
   */
  TEST_ASSETS: Env.schema.enum.optional(['built', 'dev'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  TRUSTED_PROXIES: Env.schema.string.optional(),

  // Opens the details of /health/ready (checks, pid, versions, memory) to monitoring.
  HEALTH_TOKEN: Env.schema.string.optional(),
  /** Heap use in MB that makes /health/ready a warning (default 250) and unready, 503 (default 300). */
  HEALTH_HEAP_WARN_MB: Env.schema.number.optional(),
  HEALTH_HEAP_FAIL_MB: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Metrics (Prometheus): GET /metrics on app instances
  |----------------------------------------------------------
  */
  /** Bearer token /metrics requires; unset, /metrics answers loopback clients only. */
  METRICS_TOKEN: Env.schema.string.optional(),
  /** Port of a queue worker's own /metrics server (unset: none, the default). */
  METRICS_PORT: Env.schema.number.optional(),
  /** Address that server binds (default 127.0.0.1; another one needs METRICS_TOKEN). */
  METRICS_HOST: Env.schema.string.optional({ format: 'host' }),

  /*
  |----------------------------------------------------------
  | Traces (OpenTelemetry): off unless an OTLP endpoint is set
  |----------------------------------------------------------
  */
  /** OTLP/HTTP collector base URL (e.g. http://otel-collector:4318); spans go to <url>/v1/traces. */
  OTEL_EXPORTER_OTLP_ENDPOINT: Env.schema.string.optional({ format: 'url', tld: false }),
  /** http/protobuf (default) or http/json; read by the OpenTelemetry SDK. */
  OTEL_EXPORTER_OTLP_PROTOCOL: Env.schema.enum.optional(['http/protobuf', 'http/json'] as const),
  /** service.name of the spans (default stageflow). */
  OTEL_SERVICE_NAME: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Database: "sqlite" (embedded default) or "mysql"
  |----------------------------------------------------------
  */
  DB_CONNECTION: Env.schema.enum(['sqlite', 'mysql'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  /** Scale-out (MySQL only): the primary, and comma-separated host:port read replicas. */
  DB_WRITE_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_READ_HOSTS: Env.schema.string.optional(),
  /** Seconds a session keeps reading the primary after it wrote (default 5). */
  DB_STICKY_SECONDS: Env.schema.number.optional(),
  /** Replicas further behind than this many seconds are skipped (default 5). */
  DB_REPLICA_MAX_LAG: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Redis: leave REDIS_HOST empty to run without Redis
  |----------------------------------------------------------
  */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  /** Comma-separated host:port seeds of a Redis Cluster; replaces REDIS_HOST/PORT for queues. */
  REDIS_CLUSTER_NODES: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Queues: BullMQ when Redis is configured, in-process otherwise
  |----------------------------------------------------------
  */
  QUEUE_DRIVER: Env.schema.enum.optional(['bullmq', 'memory'] as const),
  QUEUE_PREFIX: Env.schema.string.optional(),
  /** BullMQ job lock (ms): a killed worker's job returns to the queue after at most this plus the stalled interval. */
  QUEUE_LOCK_DURATION_MS: Env.schema.number.optional(),
  /** How often (ms) workers look for jobs whose worker died. */
  QUEUE_STALLED_INTERVAL_MS: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Sessions and rate limiting
  |----------------------------------------------------------
  */
  SESSION_DRIVER: Env.schema.enum.optional(['database', 'redis', 'cookie', 'memory'] as const),
  LIMITER_STORE: Env.schema.enum.optional(['redis', 'database', 'memory'] as const),
  /** Failed sign-ins per e-mail and IP per minute (default 5; then a 15-minute wait). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: Env.schema.number.optional(),
  /** Failed sign-ins per IP, any e-mail, per LOGIN_IP_WINDOW_MINUTES (default 30 per 15). */
  LOGIN_MAX_FAILURES_PER_IP: Env.schema.number.optional(),
  LOGIN_IP_WINDOW_MINUTES: Env.schema.number.optional(),
  /** Failed sign-ins per minute across all clients (default 1000). */
  LOGIN_MAX_FAILURES_GLOBAL: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Attachments: "fs" (tmp/uploads) or "s3" (S3-compatible)
  |----------------------------------------------------------
  */
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Automation: outbound calls of http actions
  |----------------------------------------------------------
  */
  /** Hosts, IPs or CIDRs (optionally ":port") the egress guard lets through although private or local. */
  AUTOMATION_ALLOWED_HOSTS: allowList,
  /** Where breakers and rate limits keep their state (default: redis with Redis, else database). */
  AUTOMATION_SHARED_STATE: Env.schema.enum.optional(['redis', 'database'] as const),
  /** How deep workflows may nest through stages with children, checked at publish (default 5). */
  CHILDREN_MAX_DEPTH: Env.schema.number.optional(),
  /** Consecutive failures that open a host's circuit breaker (default 5). */
  AUTOMATION_BREAKER_FAILURES: Env.schema.number.optional(),
  /** How long an open breaker waits before one trial call, in ms (default 30000). */
  AUTOMATION_BREAKER_COOLDOWN_MS: Env.schema.number.optional(),
  /** Calls per minute per target host (default 600). */
  AUTOMATION_RATE_LIMIT_PER_MINUTE: Env.schema.number.optional(),
  /** Per-host exceptions: "host:port=calls,host=calls" (calls per minute). */
  AUTOMATION_RATE_LIMITS: perHostLimits,

  /*
  |----------------------------------------------------------
  | Alerts (Admin → Alerts): the evaluator in workers and the embedded server
  |----------------------------------------------------------
  */
  /** "off" keeps this process from evaluating alert rules (default on). */
  ALERTS_EVALUATOR: Env.schema.enum.optional(['on', 'off'] as const),
  /** How often the rules are evaluated, in ms (default 30000). */
  ALERTS_EVALUATE_EVERY_MS: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Single sign-on (OpenID Connect): off unless SSO_ISSUER is set
  |----------------------------------------------------------
  */
  SSO_ISSUER: Env.schema.string.optional({ format: 'url', tld: false }),
  SSO_CLIENT_ID: Env.schema.string.optional(),
  SSO_CLIENT_SECRET: Env.schema.string.optional(),
  /** Space-separated scopes (default "openid email profile"); must include openid. */
  SSO_SCOPES: Env.schema.string.optional(),
  /** Shown as "Sign in with <label>" on the login page. */
  SSO_BUTTON_LABEL: Env.schema.string.optional(),
  /** Callback URL registered at the provider (default APP_URL/auth/sso/callback). */
  SSO_REDIRECT_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  SSO_ROLE_CLAIM: Env.schema.string.optional(),
  SSO_TEAMS_CLAIM: Env.schema.string.optional(),
  /** "claim value=role,…" (roles: admin, manager, member). */
  SSO_ROLE_MAP: roleMap,
  SSO_DEFAULT_ROLE: Env.schema.enum.optional(['admin', 'manager', 'member'] as const),
  /** "true" allows a plain-http issuer: tests and local providers only, refused in production. */
  SSO_ALLOW_INSECURE_HTTP: Env.schema.boolean.optional(),

  /*
  |----------------------------------------------------------
  | Mail: "file" writes e-mails to tmp/mail/, "smtp" sends them
  |----------------------------------------------------------
  */
  MAIL_MAILER: Env.schema.enum.optional(['file', 'smtp'] as const),
  MAIL_FROM: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
}

/**
 * Variables declared by prefix, which the schema above cannot express:
 * STAGEFLOW_SECRET_<NAME> (a secret for `{{secret.NAME}}`) and
 * STAGEFLOW_SECRET_<NAME>_HOSTS (the hosts it may be sent to).
 */
export function checkPrefixedVariables(values: Record<string, string | undefined>): string[] {
  const problems: string[] = []
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(SECRET_PREFIX)) continue
    const name = key.slice(SECRET_PREFIX.length)
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) {
      problems.push(
        `${key}: a secret's name is upper-case letters, digits and "_" (e.g. ${SECRET_PREFIX}PAYMENT_API_KEY)`
      )
    } else if (name.endsWith('_HOSTS')) {
      try {
        allowList(key, value)
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`)
      }
    }
  }
  return problems
}

/**
 * Checks raw values against the schema and returns one line per problem
 * ("APP_KEY: Missing environment variable ..."). Empty when all is well.
 */
export function checkEnvironment(values: Record<string, string | undefined>): string[] {
  const problems: string[] = [...checkPrefixedVariables(values), ...checkSsoVariables(values)]
  for (const [key, rule] of Object.entries(envSchema)) {
    try {
      ;(rule as (key: string, value?: string) => unknown)(key, values[key])
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`)
    }
  }
  return problems
}

/**
 * Thrown at boot when the environment is invalid. Its message is the one
 * line an operator needs.
 */
export class InvalidEnvironment extends Error {
  constructor(public problems: string[]) {
    super(`Invalid environment, fix .env or the process environment: ${problems.join('; ')}`)
    this.name = 'InvalidEnvironment'
  }
}

/** One clear line on stderr, then stop: a stack trace here only hides the cause. */
function stop(problems: string[]): never {
  console.error(new InvalidEnvironment(problems).message)
  process.exit(1)
}

async function createEnv() {
  try {
    const env = await Env.create(new URL('../', import.meta.url), envSchema)
    // Env.create has copied .env into process.env: the prefixed variables are all there now.
    const problems = [...checkPrefixedVariables(process.env), ...checkSsoVariables(process.env)]
    if (problems.length) stop(problems)
    return env
  } catch (error) {
    if ((error as { code?: string }).code === 'E_INVALID_ENV_VARIABLES') {
      const problems = checkEnvironment(process.env)
      stop(problems.length ? problems : [(error as Error).message])
    }
    throw error
  }
}

export default await createEnv()
