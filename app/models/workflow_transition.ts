import { BaseModel, column } from '@adonisjs/lucid/orm'
import { jsonColumn } from '#support/json_column'

/** Normalized copy of a version's transitions. */
export default class WorkflowTransition extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowVersionId: number

  @column()
  declare key: string

  @column()
  declare fromStage: string

  @column()
  declare toStage: string

  @column()
  declare label: string | null

  @jsonColumn()
  declare roles: string[] | null

  @jsonColumn()
  declare requires: string[] | null

  @column()
  declare automaticAfterMinutes: number | null
}
