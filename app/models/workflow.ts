import { DateTime } from 'luxon'
import {
  afterDelete,
  afterSave,
  BaseModel,
  belongsTo,
  column,
  hasMany,
  scope,
} from '@adonisjs/lucid/orm'
import { bumpAfterCommit } from '#support/access/access_epoch'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import WorkflowVersion from '#models/workflow_version'
import Process from '#models/process'
import { jsonColumn } from '#support/json_column'

/** One entry of an audience: a team (by key) or a role. */
export type AudienceEntry = { team: string } | { role: string }

/** Who may start, see and work on a workflow's processes; a missing list means everyone. */
export type WorkflowAccess = {
  start?: AudienceEntry[] | null
  see?: AudienceEntry[] | null
  work?: AudienceEntry[] | null
}

/** When closed processes leave the live tables for an archive bundle. */
export type RetentionPolicy = { archiveClosedAfterDays: number }

export default class Workflow extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare ownerId: number | null

  @column()
  declare referencePrefix: string

  @column()
  declare processCounter: number

  /** Who may start, see and work on its processes (null: everyone, as before teams). */
  @jsonColumn()
  declare access: WorkflowAccess | null

  /** Its retention policy (null: keep every process live); see app/actions/archives. */
  @jsonColumn()
  declare retention: RetentionPolicy | null

  /** The business calendar its SLAs count in (null: the default calendar). */
  @column()
  declare calendarKey: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'ownerId' })
  declare owner: BelongsTo<typeof User>

  @hasMany(() => WorkflowVersion)
  declare versions: HasMany<typeof WorkflowVersion>

  @hasMany(() => Process)
  declare processes: HasMany<typeof Process>

  /** Leaves out the workflows in `hiddenWorkflowIds` (the viewer is outside their `see` audience). */
  static visibleTo = scope((query, hiddenWorkflowIds: number[]) => {
    if (hiddenWorkflowIds.length) query.whereNotIn('workflows.id', hiddenWorkflowIds)
  })

  /**
   * "order-fulfilment" → "OF": the default prefix of reference numbers.
   */
  static prefixFor(key: string) {
    const words = key.split(/[-_]+/).filter(Boolean)
    const letters = words.length > 1 ? words.map((w) => w[0]).join('') : key.slice(0, 3)
    return letters.toUpperCase().slice(0, 6) || 'P'
  }

  /** Cached users, teams and access rules are read again after this commits (#support/access/access_epoch). */
  @afterSave()
  static async bumpAccessEpochOnSave(row: Workflow) {
    await bumpAfterCommit(row.$trx)
  }

  @afterDelete()
  static async bumpAccessEpochOnDelete(row: Workflow) {
    await bumpAfterCommit(row.$trx)
  }
}
