/**
 * A stage's `children` (app/engine/children.ts): its settings, the
 * transitions it takes (they must leave the stage), its expressions (CEL
 * over `data`, `item`, `index`), the `collect` list field and — when the
 * server passes the catalog of published workflows — that the child
 * workflow is published and no workflow nests itself (or others) through
 * children deeper than the limit.
 */
import type {
  ChildWait,
  StageChildren,
  StageDefinition,
  StageType,
  WorkflowDefinition,
} from '#engine/definition'
import { MAX_CHILDREN, compileChildExpression, DEFAULT_MAX_CHILD_DEPTH } from '#engine/children'
import {
  type JsonObject,
  MAX_KEY_LENGTH,
  SLUG_PATTERN,
  child,
  describeValue,
  isAbsent,
  isObject,
} from '#engine/verifier/rules'
import type { Verification } from '#engine/verifier/verification'
import type { Problem } from '#engine/verifier/problems'

export type ChildrenProblemCode =
  | 'invalid_children'
  | 'unknown_child_workflow'
  | 'child_workflow_not_published'
  | 'child_nesting_too_deep'
  | 'invalid_collect'

const CHILDREN_PROPERTIES = [
  'workflow',
  'forEach',
  'count',
  'title',
  'data',
  'wait',
  'onComplete',
  'onChildFailure',
  'collect',
]

/**
 * What the server knows of the other workflows: each published workflow's
 * key and the child workflows its published version starts, and the depth
 * limit. Absent in the browser (the designer): those checks are skipped.
 */
export interface ChildCatalog {
  published: Record<string, string[]>
  /** Every workflow key that exists (published or not). */
  existing: string[]
  maxDepth?: number
}

interface PendingChildren {
  path: string
  subject: string
  stageKey: string | undefined
  children: StageChildren
}

const pending = new WeakMap<Verification, PendingChildren[]>()

/** Reads a stage's `children`; its expressions and `collect` wait for `verifyChildrenLater`. */
export function verifyChildren(
  run: Verification,
  stage: JsonObject,
  stagePath: string,
  stageSubjectText: string,
  stageIndex: number,
  stageKey: string | undefined,
  type: StageType | undefined
): StageChildren | undefined {
  const raw = run.readObject(stage, 'children', stagePath, stageSubjectText)
  if (!raw) return undefined
  const path = child(stagePath, 'children')
  const subject = `The children of ${stageSubjectText.replace(/^S/, 's')}`
  if (type === 'end' || type === 'decision') {
    run.report(
      path,
      type === 'end' ? 'not_allowed_on_end_stage' : 'not_allowed_on_decision_stage',
      `${stageSubjectText} is ${type === 'end' ? 'an end' : 'a decision'} stage, so it cannot start children.`
    )
    return undefined
  }
  run.checkUnknownProperties(raw, CHILDREN_PROPERTIES, path, subject)
  const bad = (property: string, message: string) =>
    run.report(child(path, property), 'invalid_children', `${subject} ${message}`)

  const workflow = run.readString(raw, 'workflow', path, subject, {
    required: true,
    pattern: SLUG_PATTERN,
    patternHint: 'name a workflow by its key',
    maxLength: MAX_KEY_LENGTH,
  })
  const forEach = run.readString(raw, 'forEach', path, subject, { required: false })
  let count: number | undefined
  if (!isAbsent(raw.count)) {
    if (
      typeof raw.count === 'number' &&
      Number.isInteger(raw.count) &&
      raw.count >= 1 &&
      raw.count <= MAX_CHILDREN
    ) {
      count = raw.count
    } else {
      bad(
        'count',
        `has ${describeValue(raw.count)} as "count"; use a whole number from 1 to ${MAX_CHILDREN}.`
      )
    }
  }
  const both = !isAbsent(raw.forEach) && !isAbsent(raw.count)
  const neither = isAbsent(raw.forEach) && isAbsent(raw.count)
  if (both || neither) {
    run.report(
      path,
      'invalid_children',
      `${subject} must say how many children to start with either "forEach" (a CEL list) or "count", not ${both ? 'both' : 'neither'}.`
    )
  }
  const title = run.readString(raw, 'title', path, subject, { required: false })
  const data = readData(run, raw, path, subject)
  const wait = readWait(run, raw, path, subject, count, bad)
  const onComplete = run.readString(raw, 'onComplete', path, subject, { required: true })
  const onChildFailure = run.readString(raw, 'onChildFailure', path, subject, { required: false })
  const collect = run.readString(raw, 'collect', path, subject, { required: false })

  for (const [property, transition] of [
    ['onComplete', onComplete],
    ['onChildFailure', onChildFailure === 'ignore' ? undefined : onChildFailure],
  ] as const) {
    if (transition === undefined) continue
    run.transitionReferences.push({
      stageIndex,
      stageKey,
      transition,
      path: child(path, property),
      feature: 'children',
    })
  }

  if (workflow === undefined || onComplete === undefined || both || neither) return undefined
  if (!isAbsent(raw.count) && count === undefined) return undefined
  const children: StageChildren = {
    workflow,
    ...(forEach === undefined ? {} : { forEach }),
    ...(count === undefined ? {} : { count }),
    ...(title === undefined ? {} : { title }),
    ...(data === undefined ? {} : { data }),
    ...(wait === undefined ? {} : { wait }),
    onComplete,
    ...(onChildFailure === undefined ? {} : { onChildFailure }),
    ...(collect === undefined ? {} : { collect }),
  }
  const list = pending.get(run) ?? []
  list.push({ path, subject, stageKey, children })
  pending.set(run, list)
  return children
}

function readData(run: Verification, raw: JsonObject, path: string, subject: string) {
  const object = run.readObject(raw, 'data', path, subject)
  if (!object) return undefined
  const data: Record<string, string> = {}
  for (const [key, source] of Object.entries(object)) {
    if (typeof source !== 'string' || source.trim() === '') {
      run.report(
        child(child(path, 'data'), key),
        'invalid_children',
        `${subject} gives ${describeValue(source)} for the child field "${key}"; give a CEL expression as text.`
      )
      continue
    }
    data[key] = source
  }
  return data
}

function readWait(
  run: Verification,
  raw: JsonObject,
  path: string,
  subject: string,
  count: number | undefined,
  bad: (property: string, message: string) => void
): ChildWait | undefined {
  const value = raw.wait
  if (isAbsent(value)) return undefined
  if (value === 'all' || value === 'any') return value
  if (isObject(value) && Object.keys(value).length === 1) {
    const quorum = value.quorum
    if (typeof quorum === 'number' && Number.isInteger(quorum) && quorum >= 1) {
      if (count !== undefined && quorum > count) {
        bad('wait', `waits for a quorum of ${quorum}, but starts only ${count} children.`)
        return undefined
      }
      return { quorum }
    }
  }
  run.report(
    child(path, 'wait'),
    'invalid_children',
    `${subject} has ${describeValue(value)} as "wait"; use "all", "any" or { "quorum": N } with N a whole number of at least 1.`
  )
  return undefined
}

/**
 * Checks the queued children once every stage is read: expressions type
 * (`forEach` a list, `title` text) and `collect` names a list field.
 */
export function verifyChildrenLater(run: Verification, stages: (StageDefinition | null)[]) {
  const definition = { stages: stages.filter((s): s is StageDefinition => s !== null) }
  const asWorkflow = { key: '', name: '', transitions: [], ...definition } as WorkflowDefinition
  for (const entry of pending.get(run) ?? []) {
    const { children } = entry
    const check = (
      property: string,
      source: string,
      want: 'list' | 'string' | null,
      item = true
    ) => {
      const compiled = compileChildExpression(asWorkflow, children, source, item)
      if (!compiled.ok) {
        run.report(property, 'invalid_expression', `${entry.subject}: ${compiled.message}`)
      } else if (want !== null && compiled.type !== want && compiled.type !== 'dyn') {
        run.report(
          property,
          'invalid_expression',
          `${entry.subject}: the expression gives a ${compiled.type}, but it must give a ${want}.`
        )
      }
    }
    if (children.forEach !== undefined)
      check(child(entry.path, 'forEach'), children.forEach, 'list', false)
    if (children.title !== undefined) check(child(entry.path, 'title'), children.title, 'string')
    for (const [key, source] of Object.entries(children.data ?? {})) {
      check(child(child(entry.path, 'data'), key), source, null)
    }
    if (children.collect !== undefined && run.fieldTypes.get(children.collect) !== 'list') {
      run.report(
        child(entry.path, 'collect'),
        'invalid_collect',
        `${entry.subject} collects into "${children.collect}", which is not a list field of this workflow.`
      )
    }
  }
  pending.delete(run)
}

/**
 * The checks that need the other workflows: each child workflow exists and
 * is published, and following children from this workflow never nests
 * deeper than `maxDepth` (a workflow reaching itself always does).
 */
export function verifyChildWorkflows(
  definition: WorkflowDefinition,
  catalog: ChildCatalog
): Problem[] {
  const problems: Problem[] = []
  const limit = catalog.maxDepth ?? DEFAULT_MAX_CHILD_DEPTH
  const own = childWorkflowsOf(definition)
  const graph: Record<string, string[]> = { ...catalog.published, [definition.key]: own }
  definition.stages.forEach((stage, index) => {
    const workflow = stage.children?.workflow
    if (workflow === undefined) return
    const path = `$.stages[${index}].children.workflow`
    if (workflow !== definition.key && !catalog.existing.includes(workflow)) {
      problems.push({
        path,
        code: 'unknown_child_workflow',
        message: `Stage "${stage.key}" starts children of the workflow "${workflow}", which does not exist.`,
      })
    } else if (workflow !== definition.key && !(workflow in catalog.published)) {
      problems.push({
        path,
        code: 'child_workflow_not_published',
        message: `Stage "${stage.key}" starts children of the workflow "${workflow}", which has no published version; publish it first.`,
      })
    }
    const chain = deepestChain(graph, workflow, limit, [definition.key])
    if (chain.length > limit) {
      const loops = chain.includes(definition.key)
      problems.push({
        path,
        code: 'child_nesting_too_deep',
        message: loops
          ? `Stage "${stage.key}" starts "${workflow}", and through children the workflow reaches itself (${chain.slice(0, limit + 1).join(' → ')}…), nesting deeper than the limit of ${limit}.`
          : `Stage "${stage.key}" nests children ${chain.length} levels deep (${chain.join(' → ')}), more than the limit of ${limit}.`,
      })
    }
  })
  return problems
}

/** The child workflows a definition's stages start. */
export function childWorkflowsOf(definition: Pick<WorkflowDefinition, 'stages'>): string[] {
  const keys = definition.stages
    .map((stage) => stage.children?.workflow)
    .filter((key): key is string => typeof key === 'string')
  return [...new Set(keys)]
}

/** The longest path of workflow keys from `start` (prefixed by `path`), stopping past `limit`. */
function deepestChain(
  graph: Record<string, string[]>,
  start: string,
  limit: number,
  path: string[]
): string[] {
  const here = [...path, start]
  if (here.length - 1 > limit) return here.slice(1)
  let best = here.slice(1)
  for (const next of graph[start] ?? []) {
    const chain = deepestChain(graph, next, limit, here)
    if (chain.length > best.length) best = chain
    if (best.length > limit) break
  }
  return best
}
