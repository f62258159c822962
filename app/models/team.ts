import type { DateTime } from 'luxon'
import { afterDelete, afterSave, BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import { bumpAfterCommit } from '#support/access/access_epoch'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/**
 * A group of users named by its key in definitions (`{ "team": "finance" }`),
 * workflow access and approvals. Members are rows of `team_members`, some
 * of them leads.
 */
export default class Team extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => User, {
    pivotTable: 'team_members',
    pivotColumns: ['lead'],
    pivotTimestamps: { createdAt: 'created_at', updatedAt: false },
  })
  declare members: ManyToMany<typeof User>

  /** Cached users, teams and access rules are read again after this commits (#support/access/access_epoch). */
  @afterSave()
  static async bumpAccessEpochOnSave(row: Team) {
    await bumpAfterCommit(row.$trx)
  }

  @afterDelete()
  static async bumpAccessEpochOnDelete(row: Team) {
    await bumpAfterCommit(row.$trx)
  }
}
