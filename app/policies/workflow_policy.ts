import type User from '#models/user'
import type Workflow from '#models/workflow'
import { BasePolicy } from '@adonisjs/bouncer'
import { mayAccess } from '#support/access/workflow_access'

/**
 * Managers and admins design and publish workflows; everyone in a
 * workflow's `see` audience may read it (outside it the workflow pages
 * answer 404, see `findVisibleWorkflow`). Its access settings are for
 * admins and its owner.
 */
export default class WorkflowPolicy extends BasePolicy {
  view(user: User, workflow?: Workflow) {
    return workflow ? mayAccess(user, workflow.id, 'see') : true
  }

  /** Changing its processes (the board's moves). */
  work(user: User, workflow: Workflow) {
    return mayAccess(user, workflow.id, 'work')
  }

  start(user: User, workflow: Workflow) {
    return mayAccess(user, workflow.id, 'start')
  }

  design(user: User) {
    return user.role === 'admin' || user.role === 'manager'
  }

  manageAccess(user: User, workflow: Workflow) {
    return user.role === 'admin' || (workflow.ownerId !== null && workflow.ownerId === user.id)
  }

  migrate(user: User) {
    return user.role === 'admin'
  }
}
