import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import ssoConfig from '#config/sso'
import { ROLES, type Role } from '#enums/role'
import { DomainError } from '#exceptions/domain_error'
import { recordAudit, auditActor } from '#actions/audit/record_audit'
import { sqlTime } from '#support/sql_time'
import { bumpAfterCommit } from '#support/access/access_epoch'

/** Raised when the provider vouched for someone who may not sign in here. */
export class SsoLoginRefused extends DomainError {
  constructor(
    message: string,
    public reason: string,
    public user: User | null = null
  ) {
    super(message, { status: 403, code: 'sso_refused' })
  }
}

const RANK: Record<Role, number> = { member: 0, manager: 1, admin: 2 }

function values(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String)
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean)
  return []
}

/** The highest role any of the role claim's values maps to, else the default role. */
export function roleFromClaims(claims: Record<string, unknown>): Role {
  const mapped = values(claims[ssoConfig.roleClaim])
    .map((value) =>
      Object.keys(ssoConfig.roleMap).length
        ? ssoConfig.roleMap[value]
        : (ROLES as readonly string[]).includes(value)
          ? (value as Role)
          : undefined
    )
    .filter((role): role is Role => Boolean(role))
  return mapped.sort((a, b) => RANK[b] - RANK[a])[0] ?? ssoConfig.defaultRole
}

/**
 * Signs in the person an OpenID provider vouched for (claims from a
 * validated ID token). First sign-in provisions the account just in time
 * (or links the local account with the same, provider-verified e-mail);
 * every sign-in brings role and teams in line with the claims. The changes
 * and their audit entries share one transaction; a refusal (deactivated
 * account, no e-mail) is audited as `auth.login_failed` and raises.
 */
export default class SignInWithSso {
  async handle(claims: Record<string, unknown> & { sub: string; iss: string }) {
    try {
      return await db.transaction(async (trx) => {
        const user = await this.findOrProvision(trx, claims)
        if (!user.isActive) {
          throw new SsoLoginRefused(
            'This account is deactivated; ask an administrator.',
            'deactivated',
            user
          )
        }
        await this.syncRole(trx, user, roleFromClaims(claims))
        if (ssoConfig.teamsClaim) {
          await this.syncTeams(trx, user, values(claims[ssoConfig.teamsClaim]))
        }
        await trx
          .from('sso_identities')
          .where({ issuer: claims.iss, subject: claims.sub })
          .update({ last_login_at: sqlTime(new Date()) })
        await recordAudit(trx, {
          action: 'auth.login_succeeded',
          actor: auditActor(user),
          subject: { type: 'user', id: user.id, label: user.email },
          after: { method: 'sso', issuer: claims.iss },
        })
        return user
      })
    } catch (error) {
      // The transaction rolled back (nothing provisioned); the refusal itself is kept.
      if (error instanceof SsoLoginRefused) {
        await recordAudit(db.connection(), {
          action: 'auth.login_failed',
          actor: null,
          subject: error.user
            ? { type: 'user', id: error.user.id, label: error.user.email }
            : undefined,
          after: {
            email: typeof claims.email === 'string' ? claims.email : null,
            method: 'sso',
            reason: error.reason,
          },
        })
      }
      throw error
    }
  }

  protected async findOrProvision(
    trx: TransactionClientContract,
    claims: Record<string, unknown> & { sub: string; iss: string }
  ) {
    const identity = await trx
      .from('sso_identities')
      .where({ issuer: claims.iss, subject: claims.sub })
      .forUpdate()
      .first()
    if (identity) return User.query({ client: trx }).where('id', identity.user_id).firstOrFail()

    if (typeof claims.email !== 'string' || !claims.email.includes('@')) {
      throw new SsoLoginRefused('The identity provider sent no e-mail address.', 'no_email')
    }
    const email = User.normalizeEmailAddress(claims.email)
    let user = await User.query({ client: trx }).where('email', email).first()
    if (user && claims.email_verified !== true) {
      // Linking an existing account on an unverified address would hand it to whoever typed it.
      throw new SsoLoginRefused(
        'An account with this e-mail exists; the identity provider has not verified the address.',
        'unverified_email',
        user
      )
    }
    if (!user) {
      const role = roleFromClaims(claims)
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : email
      user = new User().useTransaction(trx)
      user.merge({
        name: name.slice(0, 120),
        email,
        // Never used: a provisioned account signs in through the provider.
        password: randomBytes(32).toString('base64url'),
        role,
        isActive: true,
      })
      await user.save()
      await recordAudit(trx, {
        action: 'user.created',
        actor: null,
        subject: { type: 'user', id: user.id, label: user.email },
        after: { name: user.name, email, role, source: 'sso' },
      })
    }
    const now = sqlTime(new Date())
    await trx.table('sso_identities').insert({
      issuer: claims.iss,
      subject: claims.sub,
      user_id: user.id,
      created_at: now,
    })
    return user
  }

  protected async syncRole(trx: TransactionClientContract, user: User, role: Role) {
    if (user.role === role) return
    const before = user.role
    user.useTransaction(trx)
    user.role = role
    await user.save()
    await recordAudit(trx, {
      action: 'user.role_changed',
      actor: null,
      subject: { type: 'user', id: user.id, label: user.email },
      before: { role: before },
      after: { role, source: 'sso' },
    })
  }

  protected async syncTeams(trx: TransactionClientContract, user: User, keys: string[]) {
    const wanted = keys.length
      ? await trx.from('teams').whereIn('key', keys).select('id', 'key', 'name')
      : []
    const current = await trx
      .from('team_members')
      .join('teams', 'teams.id', 'team_members.team_id')
      .where('team_members.user_id', user.id)
      .select('teams.id', 'teams.key', 'teams.name')
    const wantedIds = new Set(wanted.map((t) => t.id))
    const currentIds = new Set(current.map((t) => t.id))
    const added = wanted.filter((t) => !currentIds.has(t.id))
    const removed = current.filter((t) => !wantedIds.has(t.id))
    if (added.length || removed.length) await bumpAfterCommit(trx)
    if (added.length) {
      await trx.table('team_members').multiInsert(
        added.map((t) => ({
          team_id: t.id,
          user_id: user.id,
          lead: false,
          created_at: sqlTime(new Date()),
        }))
      )
    }
    if (removed.length) {
      await trx
        .from('team_members')
        .where('user_id', user.id)
        .whereIn(
          'team_id',
          removed.map((t) => t.id)
        )
        .delete()
    }
    for (const [team, change] of [
      ...added.map((t) => [t, 'added'] as const),
      ...removed.map((t) => [t, 'removed'] as const),
    ]) {
      await recordAudit(trx, {
        action: 'team.members_changed',
        actor: null,
        subject: { type: 'team', id: team.id, label: team.key },
        before: change === 'removed' ? { member: user.email } : null,
        after: change === 'added' ? { member: user.email, source: 'sso' } : { source: 'sso' },
      })
    }
  }
}
