import type User from '#models/user'
import type Process from '#models/process'
import { BasePolicy } from '@adonisjs/bouncer'
import { mayAccess } from '#support/access/workflow_access'

const isLead = (user: User) => user.role === 'admin' || user.role === 'manager'

/**
 * What a role may do inside the `work` audience, decided without I/O (the
 * bulk judge applies them to thousands of rows).
 */
export const byRole = {
  /** Leads assign anyone. Members claim what is unassigned (for themselves) and release what is theirs. */
  assign(user: User, process: Process, assigneeId: number | null) {
    if (isLead(user)) return true
    if (assigneeId === user.id) return process.assigneeId === null || process.assigneeId === user.id
    if (assigneeId === null) return process.assigneeId === user.id
    return false
  },
  updateData(user: User, process: Process) {
    return isLead(user) || process.assigneeId === user.id || process.creatorId === user.id
  },
  cancel(user: User, process: Process) {
    return isLead(user) || process.creatorId === user.id
  },
}

/** Whether the workflow's `work` audience (issue 19) includes the user; admins always. */
const works = (user: User, process: Process) => mayAccess(user, process.workflowId, 'work')

/**
 * Who may do what to a process. Inside a workflow's audience everyone
 * signed in can see and start processes and comment; which transitions a
 * role may run is the workflow definition's business (checked by the
 * engine). The workflow's access settings narrow it: `see` to read (a
 * process outside it is a 404, see `loadVisibleProcess`), `work` to change
 * it, `start` to start one (WorkflowPolicy).
 */
export default class ProcessPolicy extends BasePolicy {
  view(user: User, process: Process) {
    return mayAccess(user, process.workflowId, 'see')
  }

  start() {
    return true
  }

  /** Changing it at all (checked before reading a command's input). */
  work(user: User, process: Process) {
    return works(user, process)
  }

  comment(user: User, process: Process) {
    return works(user, process)
  }

  transition(user: User, process: Process) {
    return works(user, process)
  }

  async assign(user: User, process: Process, assigneeId: number | null) {
    return (await works(user, process)) && byRole.assign(user, process, assigneeId)
  }

  async updateData(user: User, process: Process) {
    return (await works(user, process)) && byRole.updateData(user, process)
  }

  async cancel(user: User, process: Process) {
    return (await works(user, process)) && byRole.cancel(user, process)
  }

  bulk(user: User) {
    return isLead(user)
  }
}
