import { DateTime } from 'luxon'
import { BaseModel, beforeDelete, beforeUpdate, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type {
  LucidModel,
  ModelAdapterOptions,
  ModelQueryBuilderContract,
} from '@adonisjs/lucid/types/model'
import type { ProcessEvent as EngineEvent } from '#engine/replay'
import User from '#models/user'
import { jsonColumn } from '#support/json_column'
import { readOnlyQuery } from '#support/read_only_query'

/**
 * Raised by any attempt to change or remove a recorded event.
 */
export class AppendOnlyViolation extends Error {
  constructor(action: string) {
    super(`process_events is append-only: ${action} is not allowed`)
    this.name = 'AppendOnlyViolation'
  }
}

/**
 * One entry of a process's audit log. Append-only: the model refuses
 * updates and deletes, on instances and through its query builder.
 */
export default class ProcessEvent extends BaseModel {
  static table = 'process_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare processId: number

  @column()
  declare sequence: number

  @column()
  declare type: string

  @column()
  declare fromStage: string | null

  @column()
  declare toStage: string | null

  @column()
  declare actorId: number | null

  @jsonColumn()
  declare payload: Record<string, unknown>

  @column()
  declare idempotencyKey: string | null

  @column.dateTime()
  declare occurredAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  @beforeUpdate()
  static refuseUpdate() {
    throw new AppendOnlyViolation('update')
  }

  @beforeDelete()
  static refuseDelete() {
    throw new AppendOnlyViolation('delete')
  }

  /** Query builder without update/delete: reads only. */
  static query<Model extends LucidModel, Result = InstanceType<Model>>(
    this: Model,
    options?: ModelAdapterOptions
  ): ModelQueryBuilderContract<Model, Result> {
    return readOnlyQuery<Model, Result>(this, options, (action) => new AppendOnlyViolation(action))
  }

  toEngineEvent(): EngineEvent {
    return {
      sequence: this.sequence,
      type: this.type,
      fromStage: this.fromStage,
      toStage: this.toStage,
      actorId: this.actorId,
      payload: this.payload,
      occurredAt: this.occurredAt.toJSDate(),
    }
  }
}
