/**
 * What the checks of `actions` lists share: problem codes, the report
 * callback, and the checks every step type (and a compensation) uses.
 * Pure and browser-safe.
 */
import type { EgressRules } from '#engine/actions/call_origin'
import { parseStepDuration } from '#engine/actions/durations'

export type ActionProblemCode =
  | 'invalid_type'
  | 'missing_property'
  | 'unknown_property'
  | 'invalid_key'
  | 'invalid_action_type'
  | 'invalid_method'
  | 'invalid_url'
  | 'invalid_template'
  | 'invalid_duration'
  | 'invalid_attempts'
  | 'invalid_role'
  | 'not_allowed_for_action'
  | 'duplicate_action_key'
  | 'refused_host'
  | 'secret_not_allowed'

export type Report = (path: string, code: ActionProblemCode, message: string) => void

/** A transition an action names, checked by the verifier once transitions are known. */
export type ActionTransitionReference = { transition: string; path: string; subject: string }

/** Where one action is being checked: its JSON path, how messages name it, and where to report. */
export type ActionCheck = {
  path: string
  /** `Action "pay" of stage "Checkout"` (or `Action #2 of …` without a valid key). */
  subject: string
  note: Report
  /** Transitions the action names; the verifier checks they exist. */
  references: ActionTransitionReference[]
  /** The deployment's egress rules (server only). */
  egress?: EgressRules
}

export const MAX_ATTEMPTS = 20

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const show = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : JSON.stringify(v)

/** `timeout`, `backoff` and `attempts`: of every step, and of a compensation. */
export function checkRetries(
  raw: Record<string, unknown>,
  path: string,
  subject: string,
  note: Report
) {
  for (const property of ['timeout', 'backoff']) {
    if (raw[property] !== undefined && parseStepDuration(raw[property]) === null) {
      note(
        `${path}.${property}`,
        'invalid_duration',
        `${subject} has the invalid duration ${show(raw[property])} as "${property}"; use e.g. "500ms", "10s", "5m".`
      )
    }
  }
  const attempts = raw.attempts
  if (
    attempts !== undefined &&
    (!Number.isInteger(attempts) || (attempts as number) < 1 || (attempts as number) > MAX_ATTEMPTS)
  ) {
    note(
      `${path}.attempts`,
      'invalid_attempts',
      `${subject} has ${show(attempts)} as "attempts"; use a whole number from 1 to ${MAX_ATTEMPTS}.`
    )
  }
}
