/**
 * Testing a draft against history: each process's recorded events are
 * walked again, in order, through the draft definition, and the first
 * point where the draft would behave differently is reported — a decision
 * routing elsewhere, a transition refused by its guard, a field rule or a
 * role, a transition or stage the draft no longer has, or a process left
 * with no way to an end. Pure and deterministic: a guard sees the data and
 * the actor of the moment, and the event's `occurredAt` as `now`.
 */
import type { Role, WorkflowDefinition } from '#engine/definition'
import {
  type DefinitionResolver,
  type ProcessEvent,
  type ProcessState,
  applyEvent,
} from '#engine/replay'
import { ReplayError } from '#engine/replay_error'
import {
  type Finding,
  type StepContext,
  checkEndOfHistory,
  checkStart,
  checkStep,
} from '#engine/draft_check/steps'

/** What the draft would do with one process, in the order summaries list them. */
export const DRAFT_CHECK_VERDICTS = [
  'unchanged',
  'routes_differently',
  'blocked_by_guard',
  'blocked_by_field_rule',
  'blocked_by_role',
  'stuck',
  'unknown_stage',
  'unknown_transition',
  'unreadable',
] as const
export type DraftCheckVerdict = (typeof DRAFT_CHECK_VERDICTS)[number]

/** The first point where the draft parts from what happened. */
export interface DraftDifference {
  /** The event where it happens; null when it is about where the process is now. */
  sequence: number | null
  /** The stage the process was in (or is in). */
  stage: string
  /** The transition the process took there, or the one the draft would take; null when none. */
  transition: string | null
  /** Where the process went next in its history (null when it is still there). */
  historyTo: string | null
  /** Where the draft would send it instead (null when nowhere). */
  draftTo: string | null
  /** Fields behind a field-rule refusal; empty otherwise. */
  fields: string[]
  /** One sentence (the guard's own `whenMessage` for guards). */
  message: string
}

export interface ProcessVerdict {
  processId: number
  reference: string
  title: string
  /** Status and stage the history leads to (null when it cannot be read). */
  status: string | null
  stage: string | null
  verdict: DraftCheckVerdict
  difference: DraftDifference | null
}

export interface DraftCheckSummary {
  checked: number
  unchanged: number
  affected: number
  verdicts: Record<DraftCheckVerdict, number>
}

/** One process to walk: its whole event log in sequence order. */
export interface HistoryToCheck {
  processId: number
  reference: string
  title: string
  events: readonly ProcessEvent[]
}

/** Who an actor id was, as far as is known today. */
export interface ActorInfo {
  email: string
  role: Role
}

export interface DraftCheckContext {
  draft: WorkflowDefinition
  /** The published (or archived) versions the processes ran on. */
  resolveDefinition: DefinitionResolver
  actors: ReadonlyMap<number, ActorInfo>
  /** "Now" for the questions about where processes are today (stuck or not). */
  now: Date
}

/**
 * Walks one process's history through the draft and answers the first
 * difference (or `unchanged`). Never throws for a bad history: it is
 * reported as `unreadable`.
 */
export function checkProcessHistory(
  context: DraftCheckContext,
  history: HistoryToCheck
): ProcessVerdict {
  const base = {
    processId: history.processId,
    reference: history.reference,
    title: history.title,
  }
  const step: StepContext = {
    draft: context.draft,
    resolveDefinition: context.resolveDefinition,
    actors: context.actors,
    reference: history.reference,
  }
  const createdAt = history.events[0]?.occurredAt ?? context.now
  let state: ProcessState | null = null
  let found: Finding | null = null
  try {
    for (const event of history.events) {
      // Applied first, so a history that does not replay is unreadable, whatever the draft says.
      const next = applyEvent(state, event, context.resolveDefinition)
      // After the first difference the rest only moves the process to where it is now.
      found ??= state === null ? checkStart(step, event) : checkStep(step, state, createdAt, event)
      state = next
    }
    if (state === null) throw new ReplayError('no_events', 'a process needs at least one event.')
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error
    return {
      ...base,
      status: state?.status ?? null,
      stage: state?.stage ?? null,
      verdict: 'unreadable',
      difference: {
        sequence: error.sequence ?? null,
        stage: state?.stage ?? '',
        transition: null,
        historyTo: null,
        draftTo: null,
        fields: [],
        message: error.message,
      },
    }
  }
  const last = history.events[history.events.length - 1]!
  found ??= checkEndOfHistory(step, state, createdAt, last, context.now)
  return {
    ...base,
    status: state.status,
    stage: state.stage,
    ...(found ?? { verdict: 'unchanged', difference: null }),
  }
}

/** Counts per verdict. */
export function summarizeVerdicts(verdicts: readonly ProcessVerdict[]): DraftCheckSummary {
  const counts = Object.fromEntries(DRAFT_CHECK_VERDICTS.map((v) => [v, 0])) as Record<
    DraftCheckVerdict,
    number
  >
  for (const verdict of verdicts) counts[verdict.verdict]++
  return {
    checked: verdicts.length,
    unchanged: counts.unchanged,
    affected: verdicts.length - counts.unchanged,
    verdicts: counts,
  }
}

/**
 * Checks every history; the answer lists only the processes the draft
 * would treat differently, in the order given.
 */
export function checkDraftAgainstHistory(
  context: DraftCheckContext,
  histories: readonly HistoryToCheck[]
): { summary: DraftCheckSummary; processes: ProcessVerdict[] } {
  const verdicts = histories.map((history) => checkProcessHistory(context, history))
  return {
    summary: summarizeVerdicts(verdicts),
    processes: verdicts.filter((verdict) => verdict.verdict !== 'unchanged'),
  }
}
