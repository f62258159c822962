/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| /health/live answers as long as the process serves HTTP; /health/ready
| runs these checks (database, read replicas, Redis when configured, queue
| workers, the outbox backlog) for load balancers and orchestrators. Only
| failures make an instance unready (503); a skipped replica or no live
| worker is a warning: requests still work (reads fall back to the primary,
| jobs wait in Redis).
|
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks, BaseCheck, MemoryHeapCheck, Result } from '@adonisjs/core/health'
import healthConfig from '#config/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import queueConfig from '#config/queue'
import { createQueueConnection } from '#queue/redis_connection'
import { replicaHealth } from '#support/sticky_reads'

class DatabaseCheck extends BaseCheck {
  name = 'database'

  async run(): Promise<HealthCheckResult> {
    try {
      // The primary: replicas have their own check below.
      await db.connection(db.primaryConnectionName, { mode: 'write' }).rawQuery('select 1')
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
 * Read replicas (when configured): a replica that is down or lags is
 * skipped, which is a warning, not a failure.
 */
class ReplicaCheck extends BaseCheck {
  name = 'replicas'

  async run(): Promise<HealthCheckResult> {
    const replicas = replicaHealth()
    const skipped = replicas.filter((r) => !r.healthy)
    const summary = replicas.map((r) => `${r.replica}: ${r.reason}`).join('; ')
    const result = skipped.length
      ? Result.warning(`${skipped.length} of ${replicas.length} replicas skipped (${summary})`)
      : Result.ok(replicas.length ? `Replicas in use (${summary})` : 'No read replicas configured')
    return result.setMetaData({ replicas })
  }
}

/**
 * Queue workers are separate processes: at least one must have sent a
 * heartbeat lately, or jobs only pile up (a warning: requests still work).
 */
class QueueWorkersCheck extends BaseCheck {
  name = 'queue'

  async run(): Promise<HealthCheckResult> {
    const since = DateTime.now().toUTC().minus({ seconds: 60 }).toFormat('yyyy-MM-dd HH:mm:ss')
    const row = await db
      .from('worker_heartbeats')
      .where('beat_at', '>=', since)
      .count('* as n')
      .first()
    const live = Number(row?.n ?? 0)
    const result = live
      ? Result.ok(`${live} worker(s) alive`)
      : Result.warning('No queue worker sent a heartbeat in the last minute')
    return result.setMetaData({ workers: live })
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
  new ReplicaCheck(),
  ...(queueConfig.driver === 'bullmq'
    ? [new RedisCheck().cacheFor('5 seconds'), new QueueWorkersCheck().cacheFor('5 seconds')]
    : []),
  new OutboxCheck().cacheFor('5 seconds'),
  new MemoryHeapCheck()
    .warnWhenExceeds(`${healthConfig.heapWarnMb} mb`)
    .failWhenExceeds(`${healthConfig.heapFailMb} mb`),
])
