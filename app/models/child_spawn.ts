import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * spawning → waiting (every child started) → done (the parent moved on), or
 * needs_attention when the children could not be started (the child
 * workflow is missing or unpublished, an expression failed).
 */
type ChildSpawnStatus = 'spawning' | 'waiting' | 'done' | 'needs_attention'

/** One stage entry of a parent that starts children. */
export default class ChildSpawn extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare parentId: number

  @column()
  declare entrySequence: number

  @column()
  declare stageKey: string

  @column()
  declare childWorkflow: string

  @column()
  declare status: ChildSpawnStatus

  @column()
  declare total: number

  @column()
  declare error: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
