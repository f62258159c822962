/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| /health/live answers as long as the process serves HTTP; /health/ready
| runs these checks (database, Redis when configured, the outbox backlog)
| for load balancers and orchestrators.
|
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks, BaseCheck, MemoryHeapCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import queueConfig from '#config/queue'
import { createQueueConnection } from '#queue/redis_connection'

class DatabaseCheck extends BaseCheck {
  name = 'database'

  async run(): Promise<HealthCheckResult> {
    try {
      await db.rawQuery('select 1')
      return Result.ok('The database answers')
    } catch (error) {
      return Result.failed('The database does not answer', error as Error)
    }
  }
}

class RedisCheck extends BaseCheck {
  name = 'redis'

  /**
   * A short-lived connection per check (results are cached a few seconds):
   * a kept-open one would hold the process open after the app stops.
   */
  async run(): Promise<HealthCheckResult> {
    const connection = createQueueConnection('producer')
    try {
      await connection.ping()
      return Result.ok('Redis answers')
    } catch (error) {
      return Result.failed('Redis does not answer', error as Error)
    } finally {
      connection.disconnect()
    }
  }
}

/**
 * The queue pipeline is healthy while nothing waits long in the outbox.
 */
class OutboxCheck extends BaseCheck {
  name = 'outbox'

  async run(): Promise<HealthCheckResult> {
    const oldest = await db
      .from('outbox_messages')
      .where('status', 'pending')
      .where('available_at', '<=', DateTime.now().toUTC().toFormat('yyyy-MM-dd HH:mm:ss'))
      .min('available_at as oldest')
      .first()
    if (!oldest?.oldest) return Result.ok('Nothing waiting in the outbox')
    // MySQL returns a Date, SQLite the stored text.
    const since =
      oldest.oldest instanceof Date
        ? DateTime.fromJSDate(oldest.oldest)
        : DateTime.fromSQL(String(oldest.oldest), { zone: 'utc' })
    const ageSeconds = Math.round(DateTime.now().diff(since).as('seconds'))
    const result =
      ageSeconds > 300
        ? Result.warning(`Oldest undelivered message is ${ageSeconds}s old`)
        : Result.ok(`Oldest undelivered message is ${ageSeconds}s old`)
    return result.setMetaData({ ageSeconds })
  }
}

export const healthChecks = new HealthChecks().register([
  new DatabaseCheck(),
  ...(queueConfig.driver === 'bullmq' ? [new RedisCheck().cacheFor('5 seconds')] : []),
  new OutboxCheck().cacheFor('5 seconds'),
  new MemoryHeapCheck(),
])
