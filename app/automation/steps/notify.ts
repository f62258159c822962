/** A `notify` step: an in-app notification to a role's or one user's active accounts. */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { displayName } from '#engine/actions/steps'
import { renderString } from '#engine/actions/templates'
import User from '#models/user'
import NotifyUsers from '#actions/notifications/notify_users'
import { sqlTime } from '#support/sql_time'
import { finishExecution } from '#automation/executions'
import type { StepHandler } from '#automation/steps/step_handler'

export const notifyStep: StepHandler<'notify'> = {
  type: 'notify',
  async run(action, { process, exec, scope, payload }) {
    // Whoever marks the execution done sends: a re-run job never notifies twice.
    const won = await db
      .from('action_executions')
      .where('id', exec.id)
      .whereIn('status', ['pending', 'running'])
      .update({ status: 'succeeded', attempts: 1, finished_at: sqlTime(DateTime.now()) })
    if (Number(won) === 1) {
      const target = action.notify
      const query = User.query().withScopes((s) => s.active())
      if (target.user) query.where('email', target.user.toLowerCase())
      else query.where('role', target.role!)
      const users = await query
      const body = String(renderString(target.message, scope) ?? '')
      const outboxId = Number((payload as Record<string, unknown>).outboxId ?? 0)
      await new NotifyUsers().inApp(
        users.map((user) => user.id),
        {
          outboxId,
          kind: 'moved',
          processId: process.id,
          title: `${process.reference}: ${displayName(action)}`,
          body,
        }
      )
    }
    await finishExecution(exec.id, 'succeeded', { attempts: 1 })
    return 'succeeded'
  },
}
