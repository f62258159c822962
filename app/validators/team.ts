import vine from '@vinejs/vine'
import { ROLES } from '#enums/role'

/** Team keys as definitions and access settings name them: `finance`, `customer-care`. */
const TEAM_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/

const name = () => vine.string().trim().minLength(1).maxLength(120)

/** An admin creating a team. A taken key is a 409 (`team_exists`), not a field error. */
export const createTeamValidator = vine.create({
  key: vine.string().trim().toLowerCase().maxLength(64).regex(TEAM_KEY),
  name: name(),
})

/** An admin renaming a team (its key never changes: definitions name it). */
export const updateTeamValidator = vine.create({
  name: name(),
})

/** The whole member list, replacing the previous one. */
export const teamMembersValidator = vine.create({
  members: vine
    .array(
      vine.object({
        email: vine.string().trim().toLowerCase().maxLength(254),
        lead: vine.boolean().optional(),
      })
    )
    .maxLength(1000),
})

/** Who may start, see and work on a workflow's processes, and its calendar. */
const audience = () =>
  vine
    .array(
      vine.union([
        vine.union.if(
          (value) => vine.helpers.isObject(value) && 'team' in value,
          vine.object({ team: vine.string().trim().maxLength(64).regex(TEAM_KEY) })
        ),
        vine.union.else(vine.object({ role: vine.enum(ROLES) })),
      ])
    )
    .maxLength(100)
    .nullable()
    .optional()

export const workflowAccessValidator = vine.create({
  start: audience(),
  see: audience(),
  work: audience(),
  calendar: vine.string().trim().minLength(1).maxLength(64).nullable().optional(),
  /** Retention: archive processes closed more than this many days ago (null: keep them live). */
  retention: vine
    .object({ archiveClosedAfterDays: vine.number().withoutDecimals().min(1).max(36500) })
    .nullable()
    .optional(),
})
