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

export const envSchema = {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
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
 * Checks raw values against the schema and returns one line per problem
 * ("APP_KEY: Missing environment variable ..."). Empty when all is well.
 */
export function checkEnvironment(values: Record<string, string | undefined>): string[] {
  const problems: string[] = []
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

async function createEnv() {
  try {
    return await Env.create(new URL('../', import.meta.url), envSchema)
  } catch (error) {
    if ((error as { code?: string }).code === 'E_INVALID_ENV_VARIABLES') {
      const problems = checkEnvironment(process.env)
      const failure = new InvalidEnvironment(
        problems.length ? problems : [(error as Error).message]
      )
      // One clear line on stderr, then stop: a stack trace here only hides the cause.
      console.error(failure.message)
      process.exit(1)
    }
    throw error
  }
}

export default await createEnv()
