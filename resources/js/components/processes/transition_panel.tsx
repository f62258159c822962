import { useId, useState } from 'react'
import { router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { TransitionDialog, type TransitionChoice } from './transition_dialog.tsx'
import { commandOptions, useCommandKey, type CommandOutcome, type ReturnedPage } from './command.ts'
import type { FieldDef, PersonOption } from './field_values.ts'

export type AvailableTransition = {
  key: string
  label: string
  to: string
  toName: string
  allowed: boolean
  reasons: string[]
  requires: string[]
  /** Fields to fill first (server-decided): its `requires` and the stage's required ones. */
  missingFields: string[]
  roles: string[] | null
  /** Why its condition blocks it (server-evaluated); null when it does not. */
  guardMessage?: string | null
}

/**
 * The transitions leaving the current stage, as buttons. One that
 * requires fields, or that a required field of the stage still blocks,
 * says which and opens a small form for exactly those; one the viewer's
 * role may not run is disabled and says who may.
 */
export function TransitionPanel(props: {
  process: { id: number; reference: string; version: number; data: Record<string, unknown> }
  transitions: AvailableTransition[]
  fields: FieldDef[]
  people: PersonOption[]
  versionIn: (page: ReturnedPage) => number | undefined
  onOutcome: (outcome: CommandOutcome, page: ReturnedPage) => void
}) {
  const { t } = useI18n()
  const [choice, setChoice] = useState<TransitionChoice | null>(null)
  const [running, setRunning] = useState<string | null>(null)
  const hintId = useId()
  const commandKey = useCommandKey()

  if (!props.transitions.length) {
    return <p className="muted">{t('processes.transition.none')}</p>
  }

  const asksFor = (transition: AvailableTransition) => [
    ...new Set([...transition.requires, ...transition.missingFields]),
  ]
  const labelOf = (key: string) => props.fields.find((f) => f.key === key)?.label ?? key
  const run = (transition: AvailableTransition) => {
    const fieldKeys = asksFor(transition)
    if (fieldKeys.length) {
      setChoice({
        key: transition.key,
        label: transition.label,
        toName: transition.toName,
        fieldKeys,
      })
      return
    }
    setRunning(transition.key)
    router.post(
      urlFor('processes.transition', { id: props.process.id }),
      {
        transition: transition.key,
        expectedVersion: props.process.version,
        idempotencyKey: commandKey(
          `transition-${transition.key}`,
          props.process.id,
          props.process.version
        ),
      },
      {
        ...commandOptions({
          expectedVersion: props.process.version,
          versionIn: props.versionIn,
          onOutcome: props.onOutcome,
        }),
        onFinish: () => setRunning(null),
      }
    )
  }

  const whoMay = (roles: string[] | null) =>
    roles && roles.length
      ? t('processes.transition.onlyRoles', {
          roles: roles.map((role) => t(`roles.${role}`)).join(', '),
        })
      : t('processes.transition.onlyAdmins')

  return (
    <>
      <ul className="transition-list" aria-label={t('processes.transition.title')}>
        {props.transitions.map((transition) => {
          // A guard that fails on the current data blocks the button unless the
          // transition asks for data, which may make it hold (the server decides).
          const guarded = transition.reasons.includes('guard_failed')
          const fieldKeys = asksFor(transition)
          const blocked = transition.reasons.includes('role') || (guarded && fieldKeys.length === 0)
          return (
            <li key={transition.key}>
              <button
                type="button"
                className={blocked ? 'btn' : 'btn btn-primary'}
                disabled={blocked || running !== null}
                aria-describedby={`${hintId}-${transition.key}`}
                onClick={() => run(transition)}
              >
                {transition.label}
                <span className="btn-sub" aria-hidden="true">
                  → {transition.toName}
                </span>
              </button>
              <span className="transition-hint" id={`${hintId}-${transition.key}`}>
                {guarded && transition.guardMessage
                  ? transition.guardMessage
                  : blocked
                    ? whoMay(transition.roles)
                    : transition.missingFields.length
                      ? t('processes.transition.blockedBy', {
                          count: transition.missingFields.length,
                          fields: transition.missingFields.map(labelOf).join(', '),
                        })
                      : fieldKeys.length
                        ? t('processes.transition.asksFor', { count: fieldKeys.length })
                        : t('processes.transition.movesTo', { stage: transition.toName })}
              </span>
            </li>
          )
        })}
      </ul>
      <TransitionDialog
        process={props.process}
        transition={choice}
        fields={props.fields}
        people={props.people}
        onClose={() => setChoice(null)}
        versionIn={props.versionIn}
        onOutcome={props.onOutcome}
      />
    </>
  )
}
