/**
 * The SLA clock of a stage visit, in a business calendar: when it runs out
 * (`dueOnEntry`), how much of it is held while the process waits in a
 * paused stage (`holdClock`), and the due time when it resumes. Pure: the
 * calendar is handed in by the write path, which records the result in the
 * entering event's payload (`sla`) so replay never consults a calendar that
 * may have been edited since.
 */
import {
  DEFAULT_CALENDAR,
  addWorkingTime,
  workingTimeBetween,
  type BusinessCalendar,
  type DueExplanation,
} from '#engine/calendar'
import type { StageDefinition } from '#engine/definition'
import { parseSlaDuration } from '#engine/duration'

/** The clock of `stage` held while the process is in a paused stage. */
export interface HeldClock {
  stage: string
  /** Time left when it was paused (working time when the SLA is in working units). */
  remainingMs: number
  working: boolean
  breached: boolean
}

/** What the write path records in an entering event's payload as `sla`. */
export interface SlaRecord {
  /** The due time of the stage entered (absent in a paused stage). */
  dueAt?: string
  breached?: boolean
  /** Paused stage: the clock it holds. */
  held?: HeldClock
  /** The due time continues a held clock. */
  resumed?: boolean
  explanation?: DueExplanation
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The `sla` record of an event payload, or null when absent or malformed. */
export function slaRecordOf(payload: Record<string, unknown>): SlaRecord | null {
  const sla = payload.sla
  if (!isObject(sla)) return null
  if (sla.dueAt !== undefined && Number.isNaN(new Date(String(sla.dueAt)).getTime())) return null
  return sla as SlaRecord
}

/** The held clock in an event's `sla` record, if well-formed. */
export function heldClockOf(payload: Record<string, unknown>): HeldClock | null {
  const held = slaRecordOf(payload)?.held
  if (!isObject(held) || typeof held.stage !== 'string') return null
  if (typeof held.remainingMs !== 'number' || !Number.isFinite(held.remainingMs)) return null
  return {
    ...held,
    remainingMs: Math.max(0, held.remainingMs),
    working: held.working === true,
    breached: held.breached === true,
  }
}

/** True when computing the stage's due time needs a calendar. */
export function needsCalendar(stage: StageDefinition | undefined): boolean {
  return parseSlaDuration(stage?.sla)?.working === true
}

/**
 * When the SLA of `stage` runs out if entered at `at`: wall-clock SLAs add
 * their duration, working ones count in `calendar` (the default calendar
 * when none is given). Null without an SLA or in a paused stage.
 */
export function dueOnEntry(
  stage: StageDefinition,
  at: Date,
  calendar: BusinessCalendar = DEFAULT_CALENDAR
): { dueAt: Date; explanation?: DueExplanation } | null {
  if (stage.slaClock === 'paused') return null
  const sla = parseSlaDuration(stage.sla)
  if (sla === null) return null
  if (!sla.working) return { dueAt: new Date(at.getTime() + sla.ms) }
  return addWorkingTime(calendar, at, sla.amount, sla.unit)
}

/** The clock of the stage being left, to hold in a paused stage (null when none runs). */
export function holdClock(
  left: StageDefinition | undefined,
  dueAt: Date | null,
  breached: boolean,
  at: Date,
  calendar: BusinessCalendar = DEFAULT_CALENDAR
): HeldClock | null {
  if (!left || dueAt === null) return null
  const working = needsCalendar(left)
  const remainingMs = working
    ? workingTimeBetween(calendar, at, dueAt)
    : Math.max(0, dueAt.getTime() - at.getTime())
  return { stage: left.key, remainingMs, working, breached }
}

/** The due time of a held clock resumed at `at`. */
export function resumeClock(
  held: HeldClock,
  at: Date,
  calendar: BusinessCalendar = DEFAULT_CALENDAR
): { dueAt: Date; explanation?: DueExplanation } {
  if (!held.working || held.remainingMs === 0) {
    return { dueAt: new Date(at.getTime() + held.remainingMs) }
  }
  return addWorkingTime(calendar, at, Math.ceil(held.remainingMs / 60_000), 'minutes')
}
