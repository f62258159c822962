import db from '@adonisjs/lucid/services/db'
import { AccessToken } from '@adonisjs/auth/access_tokens'
import type User from '#models/user'
import { ACCESS_TOKENS } from '#models/user'
import { recordAudit } from '#actions/audit/record_audit'
import { keyset, pageOf } from '#support/cursor'

/** A token as the profile page and GET /api/v1/auth/tokens show it (never its secret or hash). */
export type TokenSummary = {
  id: string
  name: string
  lastUsedAt: string | null
  expiresAt: string | null
  createdAt: string
}

/** Dates of token rows: the auth package writes them as Date (MySQL) or epoch numbers (SQLite). */
const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | number).toISOString()

export function presentToken(row: {
  id: unknown
  name: string | null
  last_used_at?: unknown
  expires_at?: unknown
  created_at: unknown
}): TokenSummary {
  return {
    id: String(row.id),
    name: row.name ?? '',
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at)!,
  }
}

/**
 * Personal API tokens, created and revoked with their audit entry in one
 * transaction (the auth package's provider writes through its own
 * connection, so it cannot join one). Same rows, prefix and lifetime as
 * `User.accessTokens`, which still verifies them.
 */
export default class AccessTokens {
  async create(user: User, name: string) {
    const provider = ACCESS_TOKENS
    const transient = AccessToken.createTransientToken(user.id, 40, provider.expiresIn)
    const now = new Date()
    const row = {
      tokenable_id: user.id,
      type: provider.type,
      name,
      hash: transient.hash,
      abilities: JSON.stringify(['*']),
      created_at: now,
      updated_at: now,
      last_used_at: null,
      expires_at: transient.expiresAt ?? null,
    }
    return db.transaction(async (trx) => {
      const [inserted] = await trx.table(provider.table).insert(row).returning('id')
      const id = typeof inserted === 'object' ? (inserted as { id: number }).id : inserted
      await recordAudit(trx, {
        action: 'token.created',
        actor: { id: user.id, email: user.email },
        subject: { type: 'token', id: Number(id), label: name },
        after: { name, owner: user.email },
      })
      return new AccessToken({
        identifier: Number(id),
        tokenableId: user.id,
        type: provider.type,
        prefix: provider.prefix,
        secret: transient.secret,
        name,
        hash: transient.hash,
        abilities: ['*'],
        createdAt: now,
        updatedAt: now,
        lastUsedAt: null,
        expiresAt: transient.expiresAt ?? null,
      })
    })
  }

  /** One page of the user's own tokens, newest first (keyset on the id). */
  async page(user: User, input: { cursor?: string; limit?: number }) {
    const rows = await keyset(
      db
        .from(ACCESS_TOKENS.table)
        .where({ tokenable_id: user.id, type: ACCESS_TOKENS.type })
        .select('id', 'name', 'last_used_at', 'expires_at', 'created_at'),
      input
    )
    const { rows: page, metadata } = pageOf(rows, input, (row) => Number(row.id))
    return { data: page.map(presentToken), metadata }
  }

  /** Revokes one of the user's own tokens; false when it is not theirs (or gone). */
  async revoke(user: User, tokenId: number | string) {
    return db.transaction(async (trx) => {
      const token = await trx
        .from(ACCESS_TOKENS.table)
        .where({ id: tokenId, tokenable_id: user.id, type: ACCESS_TOKENS.type })
        .forUpdate()
        .first()
      if (!token) return false
      await trx.from(ACCESS_TOKENS.table).where('id', token.id).delete()
      await recordAudit(trx, {
        action: 'token.revoked',
        actor: { id: user.id, email: user.email },
        subject: { type: 'token', id: token.id, label: token.name },
        before: { name: token.name, owner: user.email },
      })
      return true
    })
  }
}
