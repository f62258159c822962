import type { DateTime } from 'luxon'
import { afterDelete, afterSave, BaseModel, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import { bumpAfterCommit } from '#support/access/access_epoch'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Team from '#models/team'
import Workflow from '#models/workflow'
import { jsonColumn } from '#support/json_column'

export const VIEW_VISIBILITIES = ['private', 'team', 'role'] as const
export type ViewVisibility = (typeof VIEW_VISIBILITIES)[number]

/**
 * A saved view of the process list: filter (query-string pairs, data
 * filters included), columns and sort, by name; private or shared with
 * a team or a role (app/actions/views).
 */
export default class SavedView extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerId: number

  @column()
  declare name: string

  @column()
  declare workflowId: number | null

  @jsonColumn()
  declare filters: Record<string, string>

  @jsonColumn()
  declare columns: string[]

  @column()
  declare sort: string

  @column()
  declare direction: 'asc' | 'desc'

  @column()
  declare visibility: ViewVisibility

  @column()
  declare teamId: number | null

  @column()
  declare role: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'ownerId' })
  declare owner: BelongsTo<typeof User>

  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  /**
   * The views a person may use: their own, those shared with one of their
   * teams or their role, leaving out views of workflows they may not see.
   */
  static visibleTo = scope(
    (
      query,
      viewer: { id: number; role: string },
      teamKeys: string[],
      hiddenWorkflowIds: number[]
    ) => {
      query.where((q) => {
        q.where('saved_views.owner_id', viewer.id).orWhere((shared) =>
          shared.where('saved_views.visibility', 'role').where('saved_views.role', viewer.role)
        )
        if (teamKeys.length) {
          q.orWhere((shared) =>
            shared
              .where('saved_views.visibility', 'team')
              .whereIn('saved_views.team_id', (sub) =>
                sub.from('teams').select('id').whereIn('key', teamKeys)
              )
          )
        }
      })
      if (hiddenWorkflowIds.length) {
        query.where((q) =>
          q
            .whereNull('saved_views.workflow_id')
            .orWhereNotIn('saved_views.workflow_id', hiddenWorkflowIds)
        )
      }
    }
  )

  /** The people's cached views are read again after this commits (#actions/views/visible_views). */
  @afterSave()
  static async bumpAccessEpochOnSave(row: SavedView) {
    await bumpAfterCommit(row.$trx)
  }

  @afterDelete()
  static async bumpAccessEpochOnDelete(row: SavedView) {
    await bumpAfterCommit(row.$trx)
  }
}
