import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Person } from './badges.tsx'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'
import type { PersonOption } from './data_field.tsx'

/**
 * Who holds the process, and the assignment commands the viewer may use:
 * claim it, release it (or unassign someone else, for leads), or assign
 * it to someone.
 */
export function Assignment(props: {
  process: {
    id: number
    version: number
    assignee: { id: number; name: string; initials: string } | null
  }
  can: { claim: boolean; release: boolean; assign: boolean }
  people: PersonOption[]
  me: number | undefined
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const page = usePage<{ errors?: Record<string, string> }>()
  const { process, can } = props
  const [chosen, setChosen] = useState('')
  const [busy, setBusy] = useState(false)
  const mine = process.assignee?.id === props.me

  const assign = (assigneeId: number | null) => {
    setBusy(true)
    router.post(
      urlFor('processes.assign', { id: process.id }),
      {
        assigneeId,
        expectedVersion: process.version,
        idempotencyKey: commandKey(`assign-${assigneeId}`, process.id, process.version),
      },
      {
        ...commandOptions({
          expectedVersion: process.version,
          versionIn: props.versionIn,
          onOutcome: props.onOutcome,
        }),
        onFinish: () => setBusy(false),
      }
    )
  }

  const error = page.props.errors?.assigneeId

  return (
    <div className="assignment">
      <div className="assignment-current">
        <Person person={process.assignee} />
      </div>
      <div className="form-actions">
        {can.claim && (
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy}
            onClick={() => assign(props.me!)}
          >
            {t('processes.assign.claim')}
          </button>
        )}
        {can.release && (
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => assign(null)}>
            {mine ? t('processes.assign.release') : t('processes.assign.unassign')}
          </button>
        )}
      </div>
      {can.assign && (
        <form
          className="inline-form assign-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (chosen) assign(Number(chosen))
          }}
        >
          <div className="field">
            <label htmlFor="assign-to">{t('processes.assign.to')}</label>
            <select
              id="assign-to"
              value={chosen}
              aria-invalid={Boolean(error)}
              onChange={(e) => setChosen(e.target.value)}
            >
              <option value="">{t('processes.assign.choose')}</option>
              {props.people
                .filter((p) => p.isActive && p.id !== process.assignee?.id)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          </div>
          <button type="submit" className="btn btn-sm" disabled={busy || !chosen}>
            {t('processes.assign.submit')}
          </button>
          {error && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  )
}
