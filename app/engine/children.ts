/**
 * Sub-processes: a stage with `children` starts child processes when a
 * process enters it and waits for them. Pure parts only — what to start
 * (`planChildren`), when the wait is over (`evaluateWait`), what the parent
 * collects and what its "Waiting on" line says. The workers' side is
 * app/actions/processes/children/.
 */
import { isCelError, isCelList, isCelMap } from '@bufbuild/cel'
import type {
  ChildWait,
  StageChildren,
  StageDefinition,
  WorkflowDefinition,
} from '#engine/definition'
import {
  FIELD_KINDS,
  compileExpression,
  expressionEnvOf,
  type ExpressionCompilation,
} from '#engine/expressions'
import type { Shape } from '#engine/expressions/check'
import type { ProcessStatus } from '#engine/state_machine'

/** Most children one stage entry may start. */
export const MAX_CHILDREN = 500

/** Deepest nesting of workflows through children the verifier accepts (by default). */
export const DEFAULT_MAX_CHILD_DEPTH = 5

/** The outbox topic of a stage entry that starts children. */
const SPAWN_TOPIC = 'children.spawn'

/** What `item` and `index` are in a child's `title` and `data` expressions. */
export function childDeclarations(
  definition: Pick<WorkflowDefinition, 'stages'>,
  children: Pick<StageChildren, 'forEach'>
): Record<string, Shape> {
  let item: Shape = 'dyn'
  const listField = /^data\.([A-Za-z0-9_-]+)$/.exec(children.forEach?.trim() ?? '')?.[1]
  if (listField) {
    for (const stage of definition.stages) {
      const field = (stage.fields ?? []).find((f) => f.key === listField && f.type === 'list')
      if (field?.fields) {
        // A row as CEL reads it: its columns with their kinds (numbers are doubles).
        item = Object.fromEntries(
          field.fields.map((column) => [column.key, FIELD_KINDS[column.type]])
        )
        break
      }
    }
  }
  return { item, index: 'int' }
}

/**
 * `source` compiled as a value expression over `data`, `item` and `index`
 * (a child's title or a data value), or `forEach` (no `item`).
 */
export function compileChildExpression(
  definition: WorkflowDefinition,
  children: Pick<StageChildren, 'forEach'>,
  source: string,
  withItem = true
): ExpressionCompilation {
  return compileExpression(source, expressionEnvOf(definition), {
    boolean: false,
    dataOnly: true,
    extra: withItem ? childDeclarations(definition, children) : {},
  })
}

/** One child to start: its position, title and data. */
interface ChildPlan {
  index: number
  title: string
  data: Record<string, unknown>
}

type ChildrenPlan = { ok: true; children: ChildPlan[] } | { ok: false; message: string }

/** A CEL result as plain JSON: lists and maps unwrapped, ints as numbers. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (isCelList(value)) return [...value].map(plainValue)
  if (isCelMap(value)) {
    const object: Record<string, unknown> = {}
    for (const [key, entry] of value) object[String(key)] = plainValue(entry)
    return object
  }
  if (value !== null && typeof value === 'object' && 'value' in value && 'typeName' in value) {
    return plainValue((value as { value: unknown }).value)
  }
  return value
}

function evaluate(
  compiled: ExpressionCompilation,
  bindings: Record<string, unknown>
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!compiled.ok) return compiled
  try {
    const result = compiled.program(bindings as Record<string, never>)
    if (isCelError(result)) return { ok: false, message: result.message }
    return { ok: true, value: plainValue(result) }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * The children a stage entry starts, from the parent's data: one per item
 * of `forEach`, or `count` of them; titles and data evaluated per child.
 * An expression that fails makes the whole plan fail (nothing is started).
 */
export function planChildren(
  definition: WorkflowDefinition,
  children: StageChildren,
  data: Record<string, unknown>,
  parentTitle: string
): ChildrenPlan {
  const bindings = { data: plainData(data) }
  let items: unknown[]
  if (children.forEach !== undefined) {
    const list = evaluate(
      compileChildExpression(definition, children, children.forEach, false),
      bindings
    )
    if (!list.ok) return { ok: false, message: `"forEach" could not be evaluated: ${list.message}` }
    if (!Array.isArray(list.value)) return { ok: false, message: '"forEach" did not give a list.' }
    items = list.value
  } else {
    items = Array.from({ length: children.count ?? 0 }, (_, i) => i + 1)
  }
  if (items.length > MAX_CHILDREN) {
    return {
      ok: false,
      message: `The stage would start ${items.length} children; at most ${MAX_CHILDREN} may start at once.`,
    }
  }
  const plans: ChildPlan[] = []
  for (const [index, item] of items.entries()) {
    const scope = { ...bindings, item, index: BigInt(index) }
    let title = `${parentTitle} #${index + 1}`
    if (children.title !== undefined) {
      const result = evaluate(compileChildExpression(definition, children, children.title), scope)
      if (!result.ok)
        return {
          ok: false,
          message: `The title of child ${index + 1} could not be evaluated: ${result.message}`,
        }
      title = String(result.value).slice(0, 200) || title
    }
    const childData: Record<string, unknown> = {}
    for (const [key, source] of Object.entries(children.data ?? {})) {
      const result = evaluate(compileChildExpression(definition, children, source), scope)
      if (!result.ok)
        return {
          ok: false,
          message: `"data.${key}" of child ${index + 1} could not be evaluated: ${result.message}`,
        }
      childData[key] = result.value
    }
    plans.push({ index, title, data: childData })
  }
  return { ok: true, children: plans }
}

function plainData(data: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) if (value !== undefined) copy[key] = value
  return copy
}

/** A child as the wait policy sees it. */
interface ChildOutcome {
  status: ProcessStatus
}

type WaitVerdict =
  { done: false } | { done: true; transition: string; reason: 'complete' | 'child_failure' }

/** How many children must succeed for `wait` out of `total`. */
function requiredCount(wait: ChildWait | undefined, total: number): number {
  if (wait === undefined || wait === 'all') return total
  if (wait === 'any') return Math.min(1, total)
  return Math.min(wait.quorum, total)
}

/**
 * Whether the parent may leave its children stage, and by which
 * transition. A child succeeds when it completes; a failed or cancelled
 * child fails — unless `onChildFailure` is "ignore", when it counts as
 * finished. The parent takes `onComplete` once enough succeeded, and
 * `onChildFailure` as soon as too many failed for that to happen.
 */
export function evaluateWait(children: StageChildren, outcomes: ChildOutcome[]): WaitVerdict {
  const total = outcomes.length
  const needed = requiredCount(children.wait, total)
  const ignore = children.onChildFailure === undefined || children.onChildFailure === 'ignore'
  let succeeded = 0
  let failed = 0
  for (const child of outcomes) {
    if (child.status === 'completed') succeeded++
    else if (child.status !== 'active') failed++
  }
  if (ignore) succeeded += failed
  if (succeeded >= needed)
    return { done: true, transition: children.onComplete, reason: 'complete' }
  if (!ignore && failed > total - needed) {
    return { done: true, transition: children.onChildFailure!, reason: 'child_failure' }
  }
  return { done: false }
}

/** The "Waiting on" figures: finished out of total, and the running ones' titles. */
export function childrenProgress(children: { status: ProcessStatus; title: string }[]) {
  const running = children.filter((child) => child.status === 'active')
  return {
    finished: children.length - running.length,
    total: children.length,
    running: running.map((child) => child.title),
  }
}

/** Rows for `collect`: each finished child's data, in child order (running ones left out). */
export function collectedRows(
  children: { status: ProcessStatus; data: Record<string, unknown> }[]
): Record<string, unknown>[] {
  return children.filter((child) => child.status !== 'active').map((child) => ({ ...child.data }))
}

/** The outbox message of a stage entry that starts children, or nothing. */
export function childrenOnEntry(
  stage: StageDefinition | undefined,
  processId: number,
  enteredVersion: number
) {
  if (!stage?.children) return []
  return [
    {
      topic: SPAWN_TOPIC,
      queue: 'default' as const,
      payload: { processId, stage: stage.key, enteredVersion },
    },
  ]
}
