/**
 * What a draft check found, as the canvas draws it on the draft: per
 * transition, how many processes would go differently there or be refused
 * there; per stage, how many would be stuck. Pure.
 */
import type { DraftCheckVerdict, ProcessVerdict } from '#engine/draft_check'
import type { DraftCheckOverlay } from '../canvas/overlay.ts'

const BLOCKED: readonly DraftCheckVerdict[] = [
  'blocked_by_guard',
  'blocked_by_field_rule',
  'blocked_by_role',
]

/**
 * Counts the checked processes by where the draft parts from their history.
 * Verdicts the draft cannot show (unchanged, unreadable, a stage or a
 * transition it no longer has, a refusal not tied to a transition) are left out.
 */
export function draftCheckOverlay(result: {
  processes: readonly Pick<ProcessVerdict, 'verdict' | 'difference'>[]
}): DraftCheckOverlay {
  const overlay: DraftCheckOverlay = { transitions: {}, stages: {} }
  const transition = (key: string) => (overlay.transitions[key] ??= { differ: 0, blocked: 0 })
  for (const { verdict, difference } of result.processes) {
    if (!difference) continue
    if (verdict === 'stuck') {
      overlay.stages[difference.stage] ??= { stuck: 0 }
      overlay.stages[difference.stage]!.stuck++
    } else if (verdict === 'routes_differently' && difference.transition) {
      transition(difference.transition).differ++
    } else if (BLOCKED.includes(verdict) && difference.transition) {
      transition(difference.transition).blocked++
    }
  }
  return overlay
}
