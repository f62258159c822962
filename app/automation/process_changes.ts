/**
 * Changes automation makes to a process as the system, through the one
 * write path, retried when someone else wrote first.
 */
import logger from '@adonisjs/core/services/logger'
import Process from '#models/process'
import CommitProcessChange from '#actions/processes/commit_process_change'
import TransitionProcess from '#actions/processes/transition_process'
import type { OutboxDraft } from '#actions/processes/outbox'
import { VersionConflict } from '#exceptions/process_errors'
import { DomainError } from '#exceptions/domain_error'

/**
 * Records an event on the process through the engine's one write path,
 * re-reading the process when someone else wrote first. The idempotency
 * key makes a repeated call answer from the log and write nothing.
 */
export async function recordOnProcess(
  processId: number,
  type: string,
  payload: Record<string, unknown>,
  idempotencyKey: string,
  outbox: OutboxDraft[] = [],
  actorId: number | null = null
) {
  for (let attempt = 0; attempt < 25; attempt++) {
    const process = await Process.findOrFail(processId)
    try {
      return await new CommitProcessChange().handle({
        process,
        expectedVersion: process.version,
        actorId,
        idempotencyKey,
        event: { type, payload },
        outbox,
      })
    } catch (error) {
      if (error instanceof VersionConflict) continue
      throw error
    }
  }
  throw new Error(`Could not record ${type} on process ${processId}: too many concurrent changes`)
}

/** Takes a transition as the system; does nothing when the process already left `fromStage`. */
export async function takeTransition(
  processId: number,
  transition: string,
  key: string,
  comment: string | null
) {
  for (let attempt = 0; attempt < 25; attempt++) {
    const process = await Process.findOrFail(processId)
    try {
      await new TransitionProcess().handle({
        process,
        transition,
        expectedVersion: process.version,
        actor: { id: null, role: 'system' },
        idempotencyKey: key,
        comment,
      })
      return true
    } catch (error) {
      if (error instanceof VersionConflict) continue
      if (error instanceof DomainError) {
        logger.warn({ err: error, processId, transition }, 'automation: transition refused')
        return false
      }
      throw error
    }
  }
  return false
}
