/*
|--------------------------------------------------------------------------
| Transformer output without the resolver
|--------------------------------------------------------------------------
|
| `Transformer.transform(rows)` returns a Collection that Inertia resolves
| later: per call it builds a RuntimeException (a stack trace, kept for a
| better error message), and per row it asks the container to call
| `toObject`. For the list page that is ~6 % of a request's CPU (issue
| 22's bench:pages profile) for transformers that inject nothing; the
| board's two collections and the process page's four props paid ~0.2 ms
| a request for the stack traces alone. These helpers build the same plain
| objects by calling the transformer's `toObject` (or a variant) directly. Only for transformers whose output holds no nested
| Item or Collection (checked: a nested one throws) and whose `toObject`
| takes no injected arguments.
|
*/

import type { SerializeJSONTypes } from '@adonisjs/http-transformers/types'

type TransformerClass<R, A extends unknown[], O> = new (
  resource: R,
  ...rest: A
) => {
  toObject(): O
}

/** Rejects output that the resolver would have resolved further (a nested Item, Collection or Paginator). */
function checked<O>(output: O, name: string): O {
  for (const value of Object.values(output as object)) {
    if (value && typeof value === 'object' && '$type' in value) {
      throw new Error(`${name}.toObject returned a nested transformer: use ${name}.transform()`)
    }
  }
  return output
}

/** `Transformer.transform(resources, ...rest)` as Inertia would serialize it: an array of plain objects. */
export function plainItems<R, A extends unknown[], O>(
  Transformer: TransformerClass<R, A, O>,
  resources: readonly R[],
  ...rest: A
): SerializeJSONTypes<O>[] {
  return resources.map((resource) => plainItem(Transformer, resource, ...rest))
}

/** `Transformer.transform(resource, ...rest)` of one resource, as Inertia would serialize it. */
export function plainItem<R, A extends unknown[], O>(
  Transformer: TransformerClass<R, A, O>,
  resource: R,
  ...rest: A
): SerializeJSONTypes<O> {
  return checked(new Transformer(resource, ...rest).toObject(), Transformer.name) as never
}

/** `Transformer.transform(resource, ...rest).useVariant(variant)`, as Inertia would serialize it. */
export function plainVariant<R, A extends unknown[], I extends object, K extends keyof I>(
  Transformer: new (resource: R, ...rest: A) => I,
  variant: K,
  resource: R,
  ...rest: A
): I[K] extends () => infer O ? SerializeJSONTypes<O> : never {
  const transformer = new Transformer(resource, ...rest)
  const method = transformer[variant] as () => unknown
  return checked(method.call(transformer), Transformer.name) as never
}
