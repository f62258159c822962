/**
 * Field conditions: which fields show (`visibleWhen`) and which must be
 * filled before a process leaves their stage (`required`, `requiredWhen`).
 * The server decides with these functions, and the browser's forms import
 * the very same ones, so a form never shows what the server would hide.
 *
 * A condition sees only `data`; one that cannot be evaluated (a field not
 * filled in yet) does not hold: the field is hidden, or not required.
 * Hidden fields are never required.
 */
import type { FieldDefinition, WorkflowDefinition } from '#engine/definition'
import { isFilled, readField } from '#engine/data'
import { conditionFor, evaluateCondition } from '#engine/expressions'

/** What a field condition is evaluated against. */
export interface FieldBindings {
  data: Record<string, unknown>
}

/** A field that keeps a process in its stage, and why, in a sentence. */
export interface ExitBlocker {
  field: string
  message: string
}

function holds(definition: WorkflowDefinition, source: string, data: Record<string, unknown>) {
  const compiled = conditionFor(definition, source)
  return compiled.ok && evaluateCondition(compiled, data)
}

/** Whether `field` shows for `data`: it has no `visibleWhen`, or it holds. */
export function isFieldVisible(
  definition: WorkflowDefinition,
  field: FieldDefinition,
  data: Record<string, unknown>
): boolean {
  return field.visibleWhen === undefined || holds(definition, field.visibleWhen, data)
}

/** Whether `field` must be filled for `data`: visible, and `required` or its `requiredWhen` holds. */
export function isFieldRequired(
  definition: WorkflowDefinition,
  field: FieldDefinition,
  data: Record<string, unknown>
): boolean {
  if (!isFieldVisible(definition, field, data)) return false
  if (field.required) return true
  return field.requiredWhen !== undefined && holds(definition, field.requiredWhen, data)
}

/** The fields of stage `stageKey` that show for `bindings.data`, in order. */
export function visibleFields(
  definition: WorkflowDefinition,
  stageKey: string,
  bindings: FieldBindings
): FieldDefinition[] {
  const stage = definition.stages.find((candidate) => candidate.key === stageKey)
  return (stage?.fields ?? []).filter((field) => isFieldVisible(definition, field, bindings.data))
}

/**
 * The fields of stage `stageKey` that keep a process from leaving it: each
 * required (or with a `requiredWhen` that holds), visible and empty. Every
 * transition out of the stage is refused while this is not empty.
 */
export function fieldsBlockingExit(
  definition: WorkflowDefinition,
  stageKey: string,
  bindings: FieldBindings
): ExitBlocker[] {
  const stage = definition.stages.find((candidate) => candidate.key === stageKey)
  if (!stage) return []
  return (stage.fields ?? [])
    .filter(
      (field) =>
        !isFilled(readField(bindings.data, field.key)) &&
        isFieldRequired(definition, field, bindings.data)
    )
    .map((field) => ({
      field: field.key,
      message: `"${field.label}" must be filled in before the process can leave "${stage.name}".`,
    }))
}
