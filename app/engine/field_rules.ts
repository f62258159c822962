/**
 * Field rules at the edge of a stage: which fields keep a process from
 * leaving it. (A simple version: the stage's required fields that are
 * empty; the field-rules work replaces it with visibility and
 * `requiredWhen`.)
 */
import type { WorkflowDefinition } from '#engine/definition'
import type { GuardBindings } from '#engine/expressions'
import { isFilled, readField } from '#engine/data'

/** The fields of `stageKey` that must be filled before a process may leave it, and are not. */
export function fieldsBlockingExit(
  definition: WorkflowDefinition,
  stageKey: string,
  bindings: GuardBindings
): { field: string; message: string }[] {
  const stage = definition.stages.find((candidate) => candidate.key === stageKey)
  return (stage?.fields ?? [])
    .filter((field) => field.required && !isFilled(readField(bindings.data, field.key)))
    .map((field) => ({ field: field.key, message: `"${field.label}" is required.` }))
}
