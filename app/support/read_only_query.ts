import { BaseModel } from '@adonisjs/lucid/orm'
import type {
  LucidModel,
  ModelAdapterOptions,
  ModelQueryBuilderContract,
} from '@adonisjs/lucid/types/model'

/**
 * The model's query builder with every writing method replaced by one that
 * throws `refusal(action)`: for append-only tables (process events, the
 * audit log), whose models also refuse updates and deletes of instances.
 */
export function readOnlyQuery<Model extends LucidModel, Result>(
  model: Model,
  options: ModelAdapterOptions | undefined,
  refusal: (action: 'update' | 'delete') => Error
): ModelQueryBuilderContract<Model, Result> {
  const builder = (BaseModel.query as Function).call(model, options) as ModelQueryBuilderContract<
    Model,
    Result
  >
  const refuse = (action: 'update' | 'delete') => () => {
    throw refusal(action)
  }
  Object.assign(builder, {
    update: refuse('update'),
    del: refuse('delete'),
    delete: refuse('delete'),
    increment: refuse('update'),
    decrement: refuse('update'),
  })
  return builder
}
