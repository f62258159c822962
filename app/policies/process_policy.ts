import type User from '#models/user'
import type Process from '#models/process'
import { BasePolicy } from '@adonisjs/bouncer'

const isLead = (user: User) => user.role === 'admin' || user.role === 'manager'

/**
 * Who may do what to a process. Everyone signed in can see and start
 * processes and comment; which transitions a role may run is the
 * workflow definition's business (checked by the engine).
 */
export default class ProcessPolicy extends BasePolicy {
  view() {
    return true
  }

  start() {
    return true
  }

  comment() {
    return true
  }

  transition() {
    return true
  }

  /**
   * Leads assign anyone. Members claim what is unassigned (for
   * themselves) and release what is theirs.
   */
  assign(user: User, process: Process, assigneeId: number | null) {
    if (isLead(user)) return true
    if (assigneeId === user.id) return process.assigneeId === null || process.assigneeId === user.id
    if (assigneeId === null) return process.assigneeId === user.id
    return false
  }

  updateData(user: User, process: Process) {
    return isLead(user) || process.assigneeId === user.id || process.creatorId === user.id
  }

  cancel(user: User, process: Process) {
    return isLead(user) || process.creatorId === user.id
  }

  bulk(user: User) {
    return isLead(user)
  }
}
