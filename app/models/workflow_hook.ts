import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Workflow from '#models/workflow'
import { jsonColumn } from '#support/json_column'

export type WorkflowHookAction = 'start' | 'transition'

/**
 * An inbound webhook of a workflow (`POST /hooks/:workflowKey/:hookKey`):
 * starts a process, or runs `transition` on the process whose reference
 * the `reference` expression gives. `mapping`: field key → CEL over `body`.
 * `secret` is encrypted and never serialized.
 */
export default class WorkflowHook extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowId: number

  @column()
  declare key: string

  @column()
  declare action: WorkflowHookAction

  @column()
  declare transition: string | null

  @column()
  declare reference: string | null

  @column()
  declare title: string | null

  @jsonColumn()
  declare mapping: Record<string, string>

  @column({ serializeAs: null })
  declare secret: string

  @column({ consume: (value: unknown) => Boolean(value) })
  declare enabled: boolean

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>
}
