import { useState } from 'react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { postJson, type BulkApiError } from '../processes/bulk_request.tsx'
import { TeamChecklist, splitKeys } from './designer_pickers.tsx'
import { choiceLabel, useDesignerChoices } from './designer_choices.ts'

type Entry = { team: string } | { role: string }
type Right = 'start' | 'see' | 'work'

export type WorkflowAccessSettings = {
  start: Entry[] | null
  see: Entry[] | null
  work: Entry[] | null
  calendar: string | null
  retention?: { archiveClosedAfterDays: number } | null
}

const RIGHTS: Right[] = ['see', 'work', 'start']
const ROLES = ['admin', 'manager', 'member'] as const

/** One right as the form edits it: everyone, or these team keys and roles. */
type Audience = { everyone: boolean; teams: string; roles: string[] }

function toAudience(list: Entry[] | null): Audience {
  if (!list) return { everyone: true, teams: '', roles: [] }
  return {
    everyone: false,
    teams: list.flatMap((e) => ('team' in e ? [e.team] : [])).join(', '),
    roles: list.flatMap((e) => ('role' in e ? [e.role] : [])),
  }
}

function toEntries(audience: Audience): Entry[] | null {
  if (audience.everyone) return null
  const teams = splitKeys(audience.teams).map((team) => team.toLowerCase())
  return [...teams.map((team) => ({ team })), ...audience.roles.map((role) => ({ role }))]
}

/**
 * The designer's "Access" panel: who may start, see and work on the
 * workflow's processes, and its business calendar. Stored with the
 * workflow (not the draft), saved on its own; admins and the owner only.
 */
export function AccessPanel(props: {
  workflowKey: string
  initial: WorkflowAccessSettings
  canManage: boolean
}) {
  const { t } = useI18n()
  const choices = useDesignerChoices()
  const [form, setForm] = useState<Record<Right, Audience>>({
    start: toAudience(props.initial.start),
    see: toAudience(props.initial.see),
    work: toAudience(props.initial.work),
  })
  const [calendar, setCalendar] = useState(props.initial.calendar ?? '')
  const [retentionDays, setRetentionDays] = useState(
    props.initial.retention ? String(props.initial.retention.archiveClosedAfterDays) : ''
  )
  const [status, setStatus] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved' }
    | { kind: 'failed'; errors: BulkApiError[] }
  >({ kind: 'idle' })
  const set = (right: Right, change: Partial<Audience>) =>
    setForm((current) => ({ ...current, [right]: { ...current[right], ...change } }))
  const id = (part: string) => `access-${part}`

  const save = async () => {
    setStatus({ kind: 'saving' })
    const result = await postJson(
      urlFor('workflows.access.update', { key: props.workflowKey }),
      {
        start: toEntries(form.start),
        see: toEntries(form.see),
        work: toEntries(form.work),
        calendar: calendar.trim() || null,
        retention: retentionDays.trim() ? { archiveClosedAfterDays: Number(retentionDays) } : null,
      },
      'PUT'
    )
    setStatus(result.ok ? { kind: 'saved' } : { kind: 'failed', errors: result.errors })
  }

  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('teams.access.title')}</h2>
      <p className="hint">{t('teams.access.intro')}</p>
      {!props.canManage && <p className="hint">{t('teams.access.notAllowed')}</p>}
      <fieldset disabled={!props.canManage} className="wf-access">
        {RIGHTS.map((right) => (
          <fieldset key={right}>
            <legend>{t(`teams.access.${right}`)}</legend>
            <label>
              <input
                type="radio"
                name={id(`${right}-mode`)}
                checked={form[right].everyone}
                onChange={() => set(right, { everyone: true })}
              />{' '}
              {t('teams.access.everyone')}
            </label>
            <label>
              <input
                type="radio"
                name={id(`${right}-mode`)}
                checked={!form[right].everyone}
                onChange={() => set(right, { everyone: false })}
              />{' '}
              {t('teams.access.onlyThese')}
            </label>
            {!form[right].everyone && (
              <>
                <TeamChecklist
                  id={id(`${right}-teams`)}
                  legend={t('designer_people.accessTeams')}
                  teams={choices.teams}
                  value={splitKeys(form[right].teams)}
                  onChange={(keys) => set(right, { teams: keys.join(', ') })}
                />
                <div role="group" aria-label={t('teams.access.roles')}>
                  {ROLES.map((role) => (
                    <label key={role}>
                      <input
                        type="checkbox"
                        checked={form[right].roles.includes(role)}
                        onChange={(e) =>
                          set(right, {
                            roles: e.target.checked
                              ? [...form[right].roles, role]
                              : form[right].roles.filter((r) => r !== role),
                          })
                        }
                      />{' '}
                      {t(`roles.${role}`)}
                    </label>
                  ))}
                </div>
              </>
            )}
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor={id('calendar')}>{t('teams.access.calendar')}</label>
          <select
            id={id('calendar')}
            value={calendar}
            aria-describedby={id('calendar-hint')}
            onChange={(e) => setCalendar(e.target.value)}
          >
            <option value="">{t('designer_people.defaultCalendar')}</option>
            {choices.calendars.map((choice) => (
              <option key={choice.key} value={choice.key}>
                {choiceLabel(choice)}
              </option>
            ))}
            {calendar !== '' && !choices.calendars.some((choice) => choice.key === calendar) && (
              <option value={calendar}>
                {t('designer_people.unknownChoice', { key: calendar })}
              </option>
            )}
          </select>
          <span className="hint" id={id('calendar-hint')}>
            {t('designer_people.calendarHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={id('retention')}>{t('archives.retention.label')}</label>
          <input
            id={id('retention')}
            type="number"
            min={1}
            max={36500}
            step={1}
            inputMode="numeric"
            value={retentionDays}
            aria-describedby={id('retention-hint')}
            onChange={(e) => setRetentionDays(e.target.value)}
          />
          <span className="hint" id={id('retention-hint')}>
            {t('archives.retention.hint')}
          </span>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={save}
          disabled={status.kind === 'saving'}
        >
          {t('teams.access.save')}
        </button>
      </fieldset>
      <p role="status">
        {status.kind === 'saved' && t('teams.access.saved')}
        {status.kind === 'failed' &&
          t('teams.access.failed', {
            message: status.errors.map((e) => e.message).join(' '),
          })}
      </p>
    </section>
  )
}
