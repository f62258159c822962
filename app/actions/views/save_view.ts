import db from '@adonisjs/lucid/services/db'
import SavedView, { type ViewVisibility } from '#models/saved_view'
import type User from '#models/user'
import Team from '#models/team'
import { ROLES } from '#engine/definition'
import { DEFAULT_COLUMNS, PROCESS_SORTS, VIEW_COLUMNS } from '#enums/process_list'
import { InvalidInput, Forbidden } from '#exceptions/domain_error'
import { hiddenWorkflowIds, teamsOf } from '#support/access/workflow_access'
import { searchableFieldsOfWorkflow } from '#actions/search/data_filters'
import { viewParams } from '#actions/views/view_filters'
import { isUniqueViolation } from '#actions/processes/commit_process_change'

export type ViewInput = {
  name?: string
  filters?: Record<string, string>
  columns?: string[]
  sort?: string
  direction?: 'asc' | 'desc'
  visibility?: ViewVisibility
  team?: string | null
  role?: string | null
}

/**
 * Creates and changes saved views. The filter is checked as the list
 * checks it (in the owner's sight); columns against the list's and the
 * workflow's searchable fields; sharing with a team needs its owner to be
 * in it (admins any team), with a role needs a manager or an admin.
 */
export default class SaveView {
  async create(owner: User, input: ViewInput & { name: string }) {
    const view = new SavedView()
    view.ownerId = owner.id
    await this.apply(view, owner, {
      filters: {},
      columns: [...DEFAULT_COLUMNS],
      sort: 'updated_at',
      direction: 'desc',
      visibility: 'private',
      ...input,
    })
    return view
  }

  async update(view: SavedView, actor: User, input: ViewInput) {
    if (view.ownerId !== actor.id) throw new Forbidden('Only its owner may change a view')
    await this.apply(view, actor, input)
    return view
  }

  async destroy(view: SavedView, actor: User) {
    if (view.ownerId !== actor.id) throw new Forbidden('Only its owner may delete a view')
    await view.delete()
  }

  protected async apply(view: SavedView, owner: User, input: ViewInput) {
    if (input.name !== undefined) view.name = input.name.trim()
    if (input.filters !== undefined) {
      const cleaned = Object.fromEntries(
        Object.entries(input.filters)
          .map(([k, v]) => [k, String(v).trim()])
          .filter(([, v]) => v !== '')
      )
      const params = await viewParams(cleaned, await hiddenWorkflowIds(owner))
      view.filters = cleaned
      view.workflowId = params.data?.[0]?.workflowId ?? (await workflowIdOf(cleaned.workflow))
    }
    if (input.sort !== undefined) {
      if (!(PROCESS_SORTS as readonly string[]).includes(input.sort)) {
        throw new InvalidInput('Invalid sort', [
          { field: 'sort', message: `Sort by one of ${PROCESS_SORTS.join(', ')}` },
        ])
      }
      view.sort = input.sort
    }
    if (input.direction !== undefined) view.direction = input.direction
    if (input.columns !== undefined || input.filters !== undefined) {
      view.columns = await checkColumns(input.columns ?? view.columns, view.workflowId)
    }
    if (input.visibility !== undefined || input.team !== undefined || input.role !== undefined) {
      await this.share(view, owner, input)
    }
    try {
      await view.save()
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new InvalidInput('Name taken', [
          { field: 'name', message: `You already have a view named "${view.name}"` },
        ])
      }
      throw error
    }
  }

  protected async share(view: SavedView, owner: User, input: ViewInput) {
    const visibility = input.visibility ?? view.visibility
    view.visibility = visibility
    view.teamId = null
    view.role = null
    if (visibility === 'team') {
      const team = input.team ? await Team.findBy('key', input.team) : null
      if (!team) {
        throw new InvalidInput('Unknown team', [
          { field: 'team', message: 'Choose a team to share the view with' },
        ])
      }
      const ownTeams = await teamsOf(owner.id)
      if (owner.role !== 'admin' && !ownTeams.includes(team.key)) {
        throw new InvalidInput('Not your team', [
          { field: 'team', message: 'You can share a view only with a team you are in' },
        ])
      }
      view.teamId = team.id
    } else if (visibility === 'role') {
      if (!input.role || !(ROLES as readonly string[]).includes(input.role)) {
        throw new InvalidInput('Unknown role', [
          { field: 'role', message: `Choose one of ${ROLES.join(', ')}` },
        ])
      }
      if (owner.role === 'member') {
        throw new Forbidden('Only managers and admins share views with a role')
      }
      view.role = input.role
    }
  }
}

async function workflowIdOf(key: string | undefined): Promise<number | null> {
  if (!key) return null
  const row = await db.from('workflows').where('key', key).select('id').first()
  return row ? Number(row.id) : null
}

async function checkColumns(columns: string[], workflowId: number | null) {
  const fields = workflowId ? await searchableFieldsOfWorkflow(workflowId) : []
  const dataKeys = new Set(fields.map((f) => `data.${f.key}`))
  const unknown = columns.filter(
    (c) => !(VIEW_COLUMNS as readonly string[]).includes(c) && !dataKeys.has(c)
  )
  if (unknown.length || columns.length === 0) {
    throw new InvalidInput('Invalid columns', [
      {
        field: 'columns',
        message: unknown.length
          ? `Unknown columns: ${unknown.join(', ')}`
          : 'Choose at least one column',
      },
    ])
  }
  return [...new Set(columns)]
}
