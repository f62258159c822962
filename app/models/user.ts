import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import { afterDelete, afterSave, BaseModel, beforeSave, column, scope } from '@adonisjs/lucid/orm'
import { bumpAfterCommit } from '#support/access/access_epoch'
import type { Role } from '#enums/role'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/** Personal API tokens: where they are kept, their prefix and lifetime. */
export const ACCESS_TOKENS = {
  expiresIn: '365 days',
  prefix: 'sf_',
  table: 'auth_access_tokens',
  type: 'api_token',
} as const

export default class User extends compose(BaseModel, AuthFinder) {
  static accessTokens = DbAccessTokensProvider.forModel(User, { ...ACCESS_TOKENS })

  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: Role

  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @column()
  declare locale: string | null

  @column.dateTime()
  declare deactivatedAt: DateTime | null

  /** First day of an absence (inclusive); null when none is set. */
  @column.date()
  declare absentFrom: DateTime | null

  /** Last day of an absence (inclusive). */
  @column.date()
  declare absentTo: DateTime | null

  /** Who receives this user's assignments and approval requests while absent. */
  @column()
  declare delegateId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get initials() {
    return this.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]!.toUpperCase())
      .join('')
  }

  /** Whether `at` falls within the user's absence (whole days, UTC). */
  isAbsentOn(at: DateTime = DateTime.now()) {
    if (!this.absentFrom || !this.absentTo) return false
    const day = at.toUTC().toISODate()!
    return this.absentFrom.toISODate()! <= day && day <= this.absentTo.toISODate()!
  }

  /**
   * E-mail addresses are compared case-insensitively: stored lower-cased.
   */
  @beforeSave()
  static normalizeEmail(user: User) {
    if (user.$dirty.email) {
      user.email = User.normalizeEmailAddress(user.email)
    }
  }

  static normalizeEmailAddress(email: string) {
    return email.trim().toLowerCase()
  }

  /** Users who may sign in and be assigned work (deactivated ones are kept for history). */
  static active = scope((query) => {
    query.where('users.is_active', true)
  })

  /** Only the columns a page needs to name or pick a person, by name. */
  static asPeople = scope((query) => {
    query.select('id', 'name', 'email', 'role', 'is_active').orderBy('name')
  })

  /**
   * Case-insensitive search on name and e-mail, for the admin list.
   */
  static search = scope((query, term: string | null | undefined) => {
    const value = (term || '').trim().toLowerCase()
    if (!value) return
    query.where((q) => {
      q.whereRaw('LOWER(name) LIKE ?', [`%${value}%`]).orWhere('email', 'like', `%${value}%`)
    })
  })

  /** Cached users, teams and access rules are read again after this commits (#support/access/access_epoch). */
  @afterSave()
  static async bumpAccessEpochOnSave(row: User) {
    await bumpAfterCommit(row.$trx)
  }

  @afterDelete()
  static async bumpAccessEpochOnDelete(row: User) {
    await bumpAfterCommit(row.$trx)
  }
}
