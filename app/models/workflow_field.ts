import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#support/json_column'

/** Normalized copy of a version's per-stage fields. */
export default class WorkflowField extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowVersionId: number

  @column()
  declare stageKey: string

  @column()
  declare key: string

  @column()
  declare label: string

  @column()
  declare type: string

  @column({ consume: (value) => Boolean(value) })
  declare required: boolean

  @jsonColumn()
  declare options: string[] | null
}
