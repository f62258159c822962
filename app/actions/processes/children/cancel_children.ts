import Process from '#models/process'
import { DomainError } from '#exceptions/domain_error'
import { VersionConflict } from '#exceptions/process_errors'
import CancelProcess from '#actions/processes/cancel_process'

/**
 * Cancels the running children of a cancelled parent, each through the one
 * write path with its own `cancelled` event naming the parent (so each
 * child's own cancel effects, such as its saga, follow as for any cancel).
 * The key per parent makes a re-run job a no-op for children already done.
 */
export default class CancelChildren {
  async handle(payload: { processId: number }): Promise<void> {
    const parent = await Process.find(payload.processId)
    if (!parent || parent.status === 'active') return
    const children = await Process.query()
      .where('parent_id', parent.id)
      .where('status', 'active')
      .orderBy('id')
    for (const found of children) {
      let child: Process | null = found
      for (let attempt = 1; child && child.status === 'active' && attempt <= 5; attempt++) {
        try {
          await new CancelProcess().handle({
            process: child,
            expectedVersion: child.version,
            actorId: null,
            idempotencyKey: `parent-cancelled:${parent.id}`,
            reason: `Cancelled with its parent ${parent.reference}.`,
            origin: { parentId: parent.id },
          })
          break
        } catch (error) {
          if (error instanceof VersionConflict) {
            child = await Process.find(found.id)
            continue
          }
          if (error instanceof DomainError) break // closed meanwhile
          throw error
        }
      }
    }
  }
}
