import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Normalized copy of a version's stages, for queries and reports. */
export default class WorkflowStage extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workflowVersionId: number

  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare type: 'start' | 'task' | 'end'

  @column()
  declare outcome: string | null

  @column()
  declare position: number

  @column()
  declare slaMinutes: number | null

  @column()
  declare assigneeRole: string | null
}
