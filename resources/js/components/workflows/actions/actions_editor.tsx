import { useState } from 'react'
import type { ActionDefinition, ActionType } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { InlineProblems, type DesignerProblem } from '../designer_problems.tsx'
import type { ActionScope } from './action_inputs.tsx'
import { ActionEditor } from './action_editor.tsx'
import { ACTION_TYPE_ORDER, moveItem, newAction } from './action_model.ts'

/**
 * The steps of a stage or a transition, in the order workers run them: add
 * one of a type, edit, move up or down, remove (all plain buttons, so the
 * keyboard reaches everything). An empty list removes `actions`.
 */
export function ActionsEditor(props: {
  /** Prefix of element ids, e.g. `stage-s3`. */
  idPrefix: string
  /** Whose steps, for labels ("Refund" stage). */
  owner: string
  actions: readonly ActionDefinition[] | undefined
  /** The verifier's problems by action slot (`actions.0.url`, …). */
  problems: (slot: string) => readonly DesignerProblem[]
  transitionKeys?: readonly string[]
  fields: readonly string[]
  /** Keys of every action of the workflow (new keys avoid them). */
  takenKeys: readonly string[]
  onChange(actions: ActionDefinition[] | undefined): void
}) {
  const { t } = useI18n()
  const [type, setType] = useState<ActionType>('http')
  const actions = props.actions ?? []
  const id = (slot: string) => `${props.idPrefix}-actions-${slot}`
  // Stable row identities (React keys) that follow moves and removals.
  const [uids, setUids] = useState<number[]>(() => actions.map((_, i) => i))
  const rows = uids.length === actions.length ? uids : actions.map((_, i) => i)
  const update = (next: ActionDefinition[], nextUids: number[]) => {
    setUids(nextUids)
    props.onChange(next.length ? next : undefined)
  }
  const fresh = () => Math.max(-1, ...rows) + 1

  return (
    <div className="wf-actions">
      <h4 id={id('heading')}>{t('designer.actions.title')}</h4>
      <InlineProblems id={id('problems')} problems={props.problems('actions')} />
      {actions.length === 0 && <p className="wf-muted">{t('designer.actions.none')}</p>}
      <ol className="wf-action-list">
        {actions.map((action, index) => {
          const title = action.name || action.key || t('designer.actions.untitled')
          const scope: ActionScope = {
            id: (slot) => `${props.idPrefix}-action-${index}-${slot.replace(/\./g, '-')}`,
            problems: (slot) =>
              props.problems(slot ? `actions.${index}.${slot}` : `actions.${index}`),
            transitionKeys: props.transitionKeys,
            fields: props.fields,
            steps: actions
              .slice(0, index)
              .map((a) => a.key)
              .filter(Boolean),
          }
          return (
            <li key={rows[index]} className="wf-action">
              <fieldset aria-labelledby={scope.id('legend')}>
                <div className="wf-row-header">
                  <span id={scope.id('legend')} className="wf-action-title">
                    {t('designer.actions.step', { number: index + 1, name: title })}
                  </span>
                  <span role="group" aria-label={t('designer.actions.tools', { name: title })}>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={index === 0}
                      aria-label={t('designer.actions.moveUp', { name: title })}
                      onClick={() =>
                        update(moveItem(actions, index, -1), moveItem(rows, index, -1))
                      }
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={index === actions.length - 1}
                      aria-label={t('designer.actions.moveDown', { name: title })}
                      onClick={() => update(moveItem(actions, index, 1), moveItem(rows, index, 1))}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      aria-label={t('designer.actions.remove', { name: title })}
                      onClick={() =>
                        update(
                          actions.filter((_, i) => i !== index),
                          rows.filter((_, i) => i !== index)
                        )
                      }
                    >
                      {t('designer.remove')}
                    </button>
                  </span>
                </div>
                <ActionEditor
                  scope={scope}
                  action={action}
                  onChange={(next) =>
                    update(
                      actions.map((a, i) => (i === index ? next : a)),
                      rows
                    )
                  }
                />
              </fieldset>
            </li>
          )
        })}
      </ol>
      <div className="wf-action-add">
        <label htmlFor={id('new-type')}>{t('designer.actions.newType')}</label>
        <select
          id={id('new-type')}
          value={type}
          onChange={(event) => setType(event.target.value as ActionType)}
        >
          {ACTION_TYPE_ORDER.map((value) => (
            <option key={value} value={value}>
              {t(`designer.actions.types.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-sm"
          id={id('add')}
          onClick={() => update([...actions, newAction(type, props.takenKeys)], [...rows, fresh()])}
        >
          {t('designer.actions.add', { owner: props.owner })}
        </button>
      </div>
    </div>
  )
}
