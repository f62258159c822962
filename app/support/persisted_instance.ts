import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'

/**
 * A model instance for a row the caller has just written (or read) and
 * holds in full: its attributes set in one assignment and marked
 * persisted. Like a merged instance, it has no originals, so a `save()`
 * would write every column (never less than changed). The write path builds two per command; going through `merge`
 * costs two proxy traps and two `$setAttribute` calls per column, which
 * showed up in its CPU profile (docs/benchmarks.md).
 */
export function persistedInstance<Model extends LucidModel>(
  model: Model,
  attributes: Record<string, unknown>
): InstanceType<Model> {
  const instance = new model() as InstanceType<Model> & LucidRow
  instance.$attributes = attributes
  instance.$isPersisted = true
  return instance
}
