import { BaseTransformer } from '@adonisjs/core/transformers'
import type {
  FieldDefinition,
  StageDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '#engine/definition'
import type WorkflowVersion from '#models/workflow_version'

/** A value as the diff shows it: text, a list, a yes/no, or nothing. */
export type DiffValue = string | number | boolean | string[] | null

export type PropertyChange = { property: string; before: DiffValue; after: DiffValue }

export type StageRef = { key: string; name: string; type: string }
export type TransitionRef = { key: string; label: string | null; from: string; to: string }
export type FieldRef = { stage: string; key: string; label: string; type: string }

export type DefinitionDiff = {
  /** Workflow-level properties (name, description). */
  workflow: PropertyChange[]
  stages: {
    added: StageRef[]
    removed: StageRef[]
    changed: (StageRef & { changes: PropertyChange[] })[]
  }
  transitions: {
    added: TransitionRef[]
    removed: TransitionRef[]
    changed: (TransitionRef & { changes: PropertyChange[] })[]
  }
  /** Fields are compared per stage: a field moved to another stage is removed + added. */
  fields: {
    added: FieldRef[]
    removed: FieldRef[]
    changed: (FieldRef & { changes: PropertyChange[] })[]
  }
  identical: boolean
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

function same(a: DiffValue, b: DiffValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => value === b[index])
  }
  return a === b
}

/** Pushes a change when the two values differ. */
function compare(
  changes: PropertyChange[],
  property: string,
  before: DiffValue,
  after: DiffValue
): void {
  if (!same(before, after)) changes.push({ property, before, after })
}

/**
 * Keys of `after` that moved relative to the others: everything outside a
 * longest common subsequence of the two orders. (Inserting one stage at
 * the top moves nothing; swapping two moves one of them.)
 */
function movedKeys(before: string[], after: string[]): Set<string> {
  const shared = new Set(before.filter((key) => after.includes(key)))
  const a = before.filter((key) => shared.has(key))
  const b = after.filter((key) => shared.has(key))
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0)
  )
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const kept = new Set<string>()
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i]!)
      i++
      j++
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      i++
    } else {
      j++
    }
  }
  return new Set(b.filter((key) => !kept.has(key)))
}

/** Stage properties flattened to comparable values, in display order. */
function stageProperties(stage: StageDefinition): [string, DiffValue][] {
  return [
    ['name', stage.name],
    ['type', stage.type],
    ['outcome', orNull(stage.outcome)],
    ['sla', orNull(stage.sla)],
    ['assignee.role', orNull(stage.assignee?.role)],
    ['assignee.user', orNull(stage.assignee?.user)],
    ['automatic.after', orNull(stage.automatic?.after)],
    ['automatic.transition', orNull(stage.automatic?.transition)],
    ['escalation.reassignRole', orNull(stage.escalation?.reassignRole)],
    ['escalation.reassignUser', orNull(stage.escalation?.reassignUser)],
    ['escalation.transition', orNull(stage.escalation?.transition)],
  ]
}

function fieldProperties(field: FieldDefinition): [string, DiffValue][] {
  return [
    ['label', field.label],
    ['type', field.type],
    ['required', Boolean(field.required)],
    ['options', orNull(field.options)],
  ]
}

function transitionProperties(transition: TransitionDefinition): [string, DiffValue][] {
  return [
    ['label', orNull(transition.label)],
    ['from', transition.from],
    ['to', transition.to],
    // Absent roles means "every role", which is not the same as an empty list.
    ['roles', orNull(transition.roles)],
    ['requires', transition.requires ?? []],
  ]
}

function changesBetween(before: [string, DiffValue][], after: [string, DiffValue][]) {
  const changes: PropertyChange[] = []
  before.forEach(([property, value], index) => compare(changes, property, value, after[index]![1]))
  return changes
}

const stageRef = (stage: StageDefinition): StageRef => ({
  key: stage.key,
  name: stage.name,
  type: stage.type,
})
const transitionRef = (transition: TransitionDefinition): TransitionRef => ({
  key: transition.key,
  label: orNull(transition.label),
  from: transition.from,
  to: transition.to,
})
const fieldRef = (stage: string, field: FieldDefinition): FieldRef => ({
  stage,
  key: field.key,
  label: field.label,
  type: field.type,
})

/**
 * Structural differences between two definitions. Stages and transitions
 * are matched by key (a renamed key is a removal plus an addition), fields
 * by stage key + field key. Lists keep the order of the newer definition
 * (removals: of the older one).
 */
export function diffDefinitions(
  before: WorkflowDefinition,
  after: WorkflowDefinition
): DefinitionDiff {
  const workflow: PropertyChange[] = []
  compare(workflow, 'name', before.name, after.name)
  compare(workflow, 'description', orNull(before.description), orNull(after.description))

  const oldStages = new Map(before.stages.map((stage, index) => [stage.key, { stage, index }]))
  const newStages = new Map(after.stages.map((stage, index) => [stage.key, { stage, index }]))

  const stages: DefinitionDiff['stages'] = { added: [], removed: [], changed: [] }
  const fields: DefinitionDiff['fields'] = { added: [], removed: [], changed: [] }

  const moved = movedKeys([...oldStages.keys()], [...newStages.keys()])

  for (const [key, { stage, index }] of newStages) {
    const old = oldStages.get(key)
    if (!old) {
      stages.added.push(stageRef(stage))
      for (const field of stage.fields ?? []) fields.added.push(fieldRef(key, field))
      continue
    }
    const changes = changesBetween(stageProperties(old.stage), stageProperties(stage))
    if (moved.has(key)) {
      changes.push({ property: 'position', before: old.index + 1, after: index + 1 })
    }
    if (changes.length > 0) stages.changed.push({ ...stageRef(stage), changes })

    const oldFields = new Map((old.stage.fields ?? []).map((field) => [field.key, field]))
    const newFields = new Map((stage.fields ?? []).map((field) => [field.key, field]))
    for (const [fieldKey, field] of newFields) {
      const previous = oldFields.get(fieldKey)
      if (!previous) {
        fields.added.push(fieldRef(key, field))
        continue
      }
      const fieldChanges = changesBetween(fieldProperties(previous), fieldProperties(field))
      if (fieldChanges.length > 0) {
        fields.changed.push({ ...fieldRef(key, field), changes: fieldChanges })
      }
    }
    for (const [fieldKey, field] of oldFields) {
      if (!newFields.has(fieldKey)) fields.removed.push(fieldRef(key, field))
    }
  }
  for (const [key, { stage }] of oldStages) {
    if (newStages.has(key)) continue
    stages.removed.push(stageRef(stage))
    for (const field of stage.fields ?? []) fields.removed.push(fieldRef(key, field))
  }

  const oldTransitions = new Map(before.transitions.map((t) => [t.key, t]))
  const newTransitions = new Map(after.transitions.map((t) => [t.key, t]))
  const transitions: DefinitionDiff['transitions'] = { added: [], removed: [], changed: [] }
  for (const [key, transition] of newTransitions) {
    const old = oldTransitions.get(key)
    if (!old) {
      transitions.added.push(transitionRef(transition))
      continue
    }
    const changes = changesBetween(transitionProperties(old), transitionProperties(transition))
    if (changes.length > 0) transitions.changed.push({ ...transitionRef(transition), changes })
  }
  for (const [key, transition] of oldTransitions) {
    if (!newTransitions.has(key)) transitions.removed.push(transitionRef(transition))
  }

  const identical =
    workflow.length === 0 &&
    [stages, transitions, fields].every(
      (group) => group.added.length + group.removed.length + group.changed.length === 0
    )
  return { workflow, stages, transitions, fields, identical }
}

/**
 * The comparison of two versions of a workflow, as the workflow page shows it.
 */
export default class WorkflowDiffTransformer extends BaseTransformer<{
  from: WorkflowVersion
  to: WorkflowVersion
}> {
  toObject() {
    const { from, to } = this.resource
    return {
      from: { number: from.number, status: from.status },
      to: { number: to.number, status: to.status },
      ...diffDefinitions(from.definition, to.definition),
    }
  }
}
