import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError, InvalidInput } from '#exceptions/domain_error'
import { isUniqueViolation } from '#actions/processes/commit_process_change'
import { sqlTime } from '#support/sql_time'

/**
 * The workflow state store: key-value entries scoped to a workflow
 * (`workflow:<key>`) or `global`, in the database. Every entry has a
 * version (bumped on each write) for compare-and-set, and may expire.
 * Increments are one atomic UPDATE; locks are a row per name whose
 * insert (or takeover after expiry) is a single conditional statement, so
 * both are correct with many workers at once.
 */
export const SCOPE_PATTERN = /^(global|workflow:[a-z0-9][a-z0-9_-]{0,63})$/
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,190}$/
const MAX_VALUE_BYTES = 65_536

export type Entry = {
  scope: string
  key: string
  value: unknown
  version: number
  expiresAt: string | null
  updatedAt: string
}

export class StateConflict extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, { status: 409, code: 'state_conflict', details })
  }
}

export class StateNotFound extends DomainError {
  constructor(scope: string, key: string) {
    super(`No value is stored under "${key}" in ${scope}.`, { status: 404, code: 'not_found' })
  }
}

export function checkAddress(scope: string, key: string) {
  const problems = []
  if (!SCOPE_PATTERN.test(scope)) {
    problems.push({ field: 'scope', message: 'Use "global" or "workflow:<workflow key>"' })
  }
  if (!KEY_PATTERN.test(key)) {
    problems.push({
      field: 'key',
      message:
        'Use up to 191 letters, digits, ".", ":", "_" and "-", starting with a letter or digit',
    })
  }
  if (problems.length) throw new InvalidInput('The state address is not valid.', problems)
}

const live = (now: number) => (q: any) => q.whereNull('expires_at').orWhere('expires_at', '>', now)

function toEntry(row: any): Entry {
  return {
    scope: row.scope,
    key: row.key,
    value: JSON.parse(row.value),
    version: Number(row.version),
    expiresAt: row.expires_at === null ? null : new Date(Number(row.expires_at)).toISOString(),
    updatedAt: DateTime.fromJSDate(
      row.updated_at instanceof Date
        ? row.updated_at
        : new Date(`${String(row.updated_at).replace(' ', 'T')}Z`)
    ).toISO()!,
  }
}

function encode(value: unknown) {
  if (value === undefined)
    throw new InvalidInput('A value is required.', [{ field: 'value', message: 'Give a value' }])
  const text = JSON.stringify(value)
  if (text.length > MAX_VALUE_BYTES) {
    throw new InvalidInput('The value is too large.', [
      { field: 'value', message: `Keep values under ${MAX_VALUE_BYTES} bytes of JSON` },
    ])
  }
  return text
}

export class StateStore {
  async get(scope: string, key: string, now = Date.now()): Promise<Entry | null> {
    checkAddress(scope, key)
    const row = await db
      .from('state_entries')
      .where('scope', scope)
      .where('key', key)
      .where(live(now))
      .first()
    return row ? toEntry(row) : null
  }

  async list(scope: string | null, now = Date.now()) {
    const query = db
      .from('state_entries')
      .where(live(now))
      .orderBy('scope')
      .orderBy('key')
      .limit(500)
    if (scope) query.where('scope', scope)
    const rows = await query
    return rows.map(toEntry)
  }

  /**
   * Writes a value. With `expectedVersion` it is a compare-and-set: 0
   * means "only if absent", n means "only if still at version n"
   * (409 otherwise). `ttlMs` makes the entry expire.
   */
  async set(
    scope: string,
    key: string,
    value: unknown,
    options: { ttlMs?: number | null; expectedVersion?: number | null } = {},
    now = Date.now()
  ): Promise<Entry> {
    checkAddress(scope, key)
    const text = encode(value)
    const expiresAt = options.ttlMs ? now + options.ttlMs : null
    const stamp = sqlTime(new Date(now))
    const expected = options.expectedVersion

    for (let round = 0; round < 5; round++) {
      if (expected === undefined || expected === null || expected > 0) {
        const query = db.from('state_entries').where('scope', scope).where('key', key)
        if (expected) query.where('version', expected).where(live(now))
        const updated = await query.update({
          value: text,
          version: db.raw('version + 1'),
          expires_at: expiresAt,
          updated_at: stamp,
        })
        if (Number(updated) === 1) return (await this.get(scope, key, now))!
        if (expected) {
          const current = await this.get(scope, key, now)
          throw new StateConflict(
            `"${key}" is at version ${current?.version ?? 'none (absent)'}, not ${expected}.`,
            { currentVersion: current?.version ?? 0 }
          )
        }
      } else {
        // "Only if absent": an expired entry counts as absent.
        await db
          .from('state_entries')
          .where('scope', scope)
          .where('key', key)
          .where('expires_at', '<=', now)
          .delete()
      }
      try {
        await db.table('state_entries').insert({
          scope,
          key,
          value: text,
          version: 1,
          expires_at: expiresAt,
          created_at: stamp,
          updated_at: stamp,
        })
        return (await this.get(scope, key, now))!
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        if (expected === 0) {
          const current = await this.get(scope, key, now)
          throw new StateConflict(`"${key}" already exists (version ${current?.version}).`, {
            currentVersion: current?.version ?? 0,
          })
        }
        // Someone inserted first: update it on the next round.
      }
    }
    throw new StateConflict(`"${key}" is changing too fast; try again.`, {})
  }

  /**
   * Adds `by` to a number (an absent or expired entry counts as 0) in one
   * transaction: the UPDATE locks the row, so the answer is this very
   * increment's result.
   */
  async increment(scope: string, key: string, by = 1, now = Date.now()): Promise<Entry> {
    checkAddress(scope, key)
    if (!Number.isFinite(by))
      throw new InvalidInput('"by" must be a number.', [{ field: 'by', message: 'Give a number' }])
    const stamp = sqlTime(new Date(now))
    for (let round = 0; round < 10; round++) {
      try {
        return await db.transaction(async (trx) => {
          const current = await trx
            .from('state_entries')
            .where('scope', scope)
            .where('key', key)
            .first()
          if (current && !(current.expires_at !== null && Number(current.expires_at) <= now)) {
            if (typeof JSON.parse(current.value) !== 'number') {
              throw new StateConflict(`"${key}" does not hold a number.`, {
                currentVersion: Number(current.version),
              })
            }
            await trx
              .from('state_entries')
              .where('id', current.id)
              .update({
                value: db.raw('value + ?', [by]),
                version: db.raw('version + 1'),
                updated_at: stamp,
              })
          } else if (current) {
            await trx
              .from('state_entries')
              .where('id', current.id)
              .update({
                value: JSON.stringify(by),
                version: db.raw('version + 1'),
                expires_at: null,
                updated_at: stamp,
              })
          } else {
            await trx.table('state_entries').insert({
              scope,
              key,
              value: JSON.stringify(by),
              version: 1,
              expires_at: null,
              created_at: stamp,
              updated_at: stamp,
            })
          }
          const row = await trx
            .from('state_entries')
            .where('scope', scope)
            .where('key', key)
            .first()
          return toEntry({ ...row, value: String(Number(row.value)) })
        })
      } catch (error) {
        // Two first increments raced on the insert: the loser now updates.
        if (!isUniqueViolation(error) && !isDeadlock(error)) throw error
      }
    }
    throw new StateConflict(`"${key}" is changing too fast; try again.`, {})
  }

  async delete(scope: string, key: string) {
    checkAddress(scope, key)
    const deleted = await db.from('state_entries').where('scope', scope).where('key', key).delete()
    return Number(deleted) > 0
  }

  /**
   * Takes the named lock for `owner` until `ttlMs` from now: free, expired
   * (reclaimed) or already the owner's (extended). Otherwise says who
   * holds it and until when.
   */
  async acquireLock(scope: string, name: string, owner: string, ttlMs: number, now = Date.now()) {
    checkAddress(scope, name)
    checkOwner(owner)
    const stamp = sqlTime(new Date(now))
    try {
      await db
        .table('state_locks')
        .insert({ scope, name, owner, expires_at: now + ttlMs, acquired_at: stamp })
      return { acquired: true as const, owner, expiresAt: new Date(now + ttlMs).toISOString() }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    const taken = await db
      .from('state_locks')
      .where('scope', scope)
      .where('name', name)
      .where((q) => q.where('expires_at', '<=', now).orWhere('owner', owner))
      .update({ owner, expires_at: now + ttlMs, acquired_at: stamp })
    if (Number(taken) === 1)
      return { acquired: true as const, owner, expiresAt: new Date(now + ttlMs).toISOString() }
    const holder = await db.from('state_locks').where('scope', scope).where('name', name).first()
    return {
      acquired: false as const,
      owner: holder?.owner ?? null,
      expiresAt: holder ? new Date(Number(holder.expires_at)).toISOString() : null,
    }
  }

  /** Releases the lock if `owner` holds it; false otherwise. */
  async releaseLock(scope: string, name: string, owner: string) {
    checkAddress(scope, name)
    checkOwner(owner)
    const deleted = await db
      .from('state_locks')
      .where('scope', scope)
      .where('name', name)
      .where('owner', owner)
      .delete()
    return Number(deleted) === 1
  }

  async locks(now = Date.now()) {
    const rows = await db
      .from('state_locks')
      .where('expires_at', '>', now)
      .orderBy('scope')
      .orderBy('name')
    return rows.map((row) => ({
      scope: row.scope as string,
      name: row.name as string,
      owner: row.owner as string,
      expiresAt: new Date(Number(row.expires_at)).toISOString(),
    }))
  }
}

function checkOwner(owner: string) {
  if (!owner || owner.length > 191) {
    throw new InvalidInput('A lock needs an owner.', [
      { field: 'owner', message: 'Give an owner of up to 191 characters' },
    ])
  }
}

function isDeadlock(error: unknown) {
  const code = (error as { code?: string }).code
  return code === 'ER_LOCK_DEADLOCK' || code === 'SQLITE_BUSY'
}
