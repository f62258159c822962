import { DateTime } from 'luxon'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'

type ColumnReader = {
  attribute: string
  consume?: (value: any, attribute: string, model: LucidRow) => any
}

const readers = new WeakMap<LucidModel, Map<string, ColumnReader>>()

/** The model's columns by column name, with their `consume` (once per model class). */
function readersOf(Model: LucidModel) {
  let known = readers.get(Model)
  if (!known) {
    Model.boot()
    known = new Map()
    for (const [attribute, column] of Model.$columnsDefinitions) {
      known.set(column.columnName, { attribute, consume: column.consume })
    }
    readers.set(Model, known)
  }
  return known
}

/** A copy of an object value for `$original` (what `$dirty` compares against). */
const copyOf = (value: object) => JSON.parse(JSON.stringify(value))

const dataProperty = (value: unknown) => ({
  value,
  enumerable: true,
  configurable: true,
  writable: true,
})

/**
 * Sets one of the model's own bookkeeping fields (`$attributes`, `$original`,
 * `$extras`, `$isPersisted`, `$isLocal`: class fields, plain data properties) by
 * defining it, as the class field itself was defined. An assignment went
 * through both of the model proxy's traps (set, then define): ~0.7 µs a
 * field, 3.6 µs a model, ~1 ms for a board's cards.
 */
function own(model: object, field: string, value: unknown) {
  Reflect.defineProperty(model, field, dataProperty(value))
}

/**
 * From this length on, a JSON column's original is parsed only when read
 * (`lazyOriginal`): a getter costs ~2.4 µs to define, the parse of 1 kB of
 * JSON about as much; a process's data is shorter, a workflow version's
 * definition (read on every process page) far longer.
 */
const LAZY_FROM = 1024

/** `target[key]` computed on first read, then kept as a plain value (writable, like any other). */
function lazyOriginal(target: Record<string, unknown>, key: string, compute: () => unknown) {
  const settle = (value: unknown) => Object.defineProperty(target, key, dataProperty(value))
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute()
      settle(value)
      return value
    },
    set: settle,
  })
}

/**
 * Models from a query's plain rows (`.pojo()`), the same as Lucid's own
 * hydration gives — attributes through each column's `consume`, unknown
 * keys in `$extras`, persisted — for a fraction of its cost: Lucid sets
 * each attribute through the model's proxy and deep-merges the whole row
 * (luxon objects included) into `$original`, about 30 µs a row for a
 * process; a page of 21 rows spent 0.6 ms there, a board ten times that.
 * A short JSON column's original is parsed from the row's text a second
 * time (~0.6 µs for a process's data): cheaper than deferring it, since a
 * lazy property cost ~2.4 µs to define; a long one is deferred (see
 * LAZY_FROM). For pages and reads; the models can be saved like any other.
 */
export function leanModels<Model extends LucidModel>(
  Model: Model,
  rows: Record<string, unknown>[]
): InstanceType<Model>[] {
  const columns = readersOf(Model)
  return rows.map((row) => {
    const model = new Model() as InstanceType<Model>
    const attributes: Record<string, unknown> = {}
    // Immutable values (luxon included) are shared with `$original`; objects are not.
    const original: Record<string, unknown> = {}
    const extras: Record<string, unknown> = {}
    for (const key in row) {
      const column = columns.get(key)
      if (!column) {
        extras[key] = row[key]
        continue
      }
      const raw = row[key]
      const value = column.consume ? column.consume(raw, column.attribute, model) : raw
      attributes[column.attribute] = value
      if (value === null || typeof value !== 'object' || DateTime.isDateTime(value)) {
        original[column.attribute] = value
      } else if (value !== raw && typeof raw === 'string' && raw.length > LAZY_FROM) {
        // A long JSON text (a workflow's definition): parsed again only if `$original` is read.
        lazyOriginal(original, column.attribute, () =>
          column.consume!(raw, column.attribute, model)
        )
      } else if (value !== raw) {
        // A short JSON text: parsed once more, a fresh object for `$original`.
        original[column.attribute] = column.consume!(raw, column.attribute, model)
      } else {
        original[column.attribute] = copyOf(value)
      }
    }
    own(model, '$attributes', attributes)
    own(model, '$original', original)
    own(model, '$extras', extras)
    own(model, '$isPersisted', true)
    own(model, '$isLocal', false)
    return model
  })
}

/**
 * A query's plain rows as the model's attributes (`{ createdAt: DateTime, … }`,
 * each column through its `consume`, as `leanModels` sets them), without a
 * model: for rows a page only shows. No model's proxy, bookkeeping or
 * `$original` per row; columns the model does not know are left out.
 */
export function leanAttributes<Model extends LucidModel>(
  Model: Model,
  rows: Record<string, unknown>[]
): Record<string, unknown>[] {
  const columns = readersOf(Model)
  // What a `consume` may name in its error (the model's class): no instance is made.
  const owner = Object.create(Model.prototype) as LucidRow
  return rows.map((row) => {
    const attributes: Record<string, unknown> = {}
    for (const key in row) {
      const column = columns.get(key)
      if (!column) continue
      const raw = row[key]
      attributes[column.attribute] = column.consume
        ? column.consume(raw, column.attribute, owner)
        : raw
    }
    return attributes
  })
}
