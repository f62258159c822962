import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import {
  newUid,
  type EditorRoute,
  type EditorStage,
  type EditorTransition,
} from './designer_state.ts'
import { ExpressionInput } from './expression_input.tsx'

/**
 * A decision stage's routes, tried in order (the first whose condition
 * holds is taken), and the transition taken when none holds. Routes move
 * and go with buttons; focus stays on what the keyboard just used.
 */
export function DecisionRoutesEditor(props: {
  stage: EditorStage
  stageTitle: string
  transitions: readonly EditorTransition[]
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (patch: { routes?: EditorRoute[]; otherwise?: string }) => void
}) {
  const { t } = useI18n()
  const { stage, id, problems } = props
  const [announcement, setAnnouncement] = useState('')
  const pendingFocus = useRef<string | null>(null)
  useEffect(() => {
    if (!pendingFocus.current) return
    document.getElementById(pendingFocus.current)?.focus()
    pendingFocus.current = null
  }, [stage.routes])

  const leaving = props.transitions.filter(
    (transition) => transition.key !== '' && transition.from === stage.key
  )
  const transitionOptions = (current: string) => (
    <>
      <option value="">{t('designer.routes.chooseTransition')}</option>
      {leaving.map((transition) => (
        <option key={transition.uid} value={transition.key}>
          {t('designer.routes.transitionOption', {
            label: transition.label.trim() || transition.key,
            key: transition.key,
            to: transition.to || '?',
          })}
        </option>
      ))}
      {current !== '' && !leaving.some((transition) => transition.key === current) && (
        <option value={current}>{t('designer.routes.notLeaving', { key: current })}</option>
      )}
    </>
  )

  const routes = stage.routes
  const setRoutes = (next: EditorRoute[], focus?: string, said?: string) => {
    pendingFocus.current = focus ?? null
    if (said) setAnnouncement(said)
    props.onChange({ routes: next })
  }
  const update = (index: number, patch: Partial<EditorRoute>) =>
    setRoutes(routes.map((route, i) => (i === index ? { ...route, ...patch } : route)))
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta
    const next = [...routes]
    ;[next[index], next[target]] = [next[target]!, next[index]!]
    const edge = target === 0 || target === routes.length - 1
    const keep = delta === -1 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down'
    setRoutes(
      next,
      id(`route-${target}-${keep}`),
      t('designer.routes.moved', { position: target + 1, count: routes.length })
    )
  }
  const remove = (index: number) => {
    const focus = index > 0 ? id(`route-${index - 1}-when`) : id('add-route')
    setRoutes(
      routes.filter((_, i) => i !== index),
      focus,
      t('designer.routes.removed', { number: index + 1 })
    )
  }
  const add = () => {
    const first = leaving.find(
      (transition) =>
        !routes.some((route) => route.transition === transition.key) &&
        transition.key !== stage.otherwise
    )
    setRoutes(
      [...routes, { uid: newUid('r'), when: '', transition: first?.key ?? '' }],
      id(`route-${routes.length}-when`)
    )
  }

  return (
    <div className="wf-routes">
      <h4>{t('designer.routes.title')}</h4>
      <p className="hint">{t('designer.routes.intro')}</p>
      {leaving.length === 0 && <p className="wf-muted">{t('designer.routes.noTransitions')}</p>}
      {routes.length === 0 && <p className="wf-muted">{t('designer.routes.none')}</p>}
      <ol className="wf-route-list">
        {routes.map((route, index) => {
          const number = index + 1
          const rowProblems = problems(`routes.${index}`)
          return (
            <li
              key={route.uid}
              className={`wf-route${rowProblems.length || problems(`routes.${index}.when`).length || problems(`routes.${index}.transition`).length ? ' has-problem' : ''}`}
            >
              <div className="wf-route-header">
                <h5 id={id(`route-${index}-heading`)}>{t('designer.routes.route', { number })}</h5>
                <div
                  className="wf-row-tools"
                  role="group"
                  aria-label={t('designer.routes.tools', { number })}
                >
                  <button
                    type="button"
                    className="btn btn-sm"
                    id={id(`route-${index}-up`)}
                    disabled={index === 0}
                    aria-label={t('designer.routes.moveUp', { number })}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm"
                    id={id(`route-${index}-down`)}
                    disabled={index === routes.length - 1}
                    aria-label={t('designer.routes.moveDown', { number })}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-danger"
                    aria-label={t('designer.routes.remove', { number })}
                    onClick={() => remove(index)}
                  >
                    {t('designer.remove')}
                  </button>
                </div>
              </div>
              <InlineProblems id={id(`route-${index}-problems`)} problems={rowProblems} />
              <div className="wf-route-grid">
                <ExpressionInput
                  id={id(`route-${index}-when`)}
                  label={t('designer.routes.when', { number })}
                  problems={problems(`routes.${index}.when`)}
                  value={route.when}
                  onChange={(when) => update(index, { when })}
                />
                <DesignerControl
                  id={id(`route-${index}-transition`)}
                  label={t('designer.routes.transition', { number })}
                  problems={problems(`routes.${index}.transition`)}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={route.transition}
                      onChange={(event) => update(index, { transition: event.target.value })}
                    >
                      {transitionOptions(route.transition)}
                    </select>
                  )}
                </DesignerControl>
              </div>
            </li>
          )
        })}
      </ol>
      <InlineProblems id={id('routes-problems')} problems={problems('routes')} />
      <button type="button" className="btn btn-sm" id={id('add-route')} onClick={add}>
        {t('designer.routes.add', { stage: props.stageTitle })}
      </button>
      <DesignerControl
        id={id('otherwise')}
        label={t('designer.routes.otherwise')}
        hint={t('designer.routes.otherwiseHint')}
        problems={problems('otherwise')}
        className="wf-otherwise"
      >
        {(control) => (
          <select
            {...control}
            value={stage.otherwise}
            onChange={(event) => props.onChange({ otherwise: event.target.value })}
          >
            {transitionOptions(stage.otherwise)}
          </select>
        )}
      </DesignerControl>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
