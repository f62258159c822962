import { ROLES, type StageEscalation } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorStage, EditorTransition } from './designer_state.ts'
import { ChoiceControl, DesignerControl } from './designer_control.tsx'
import type { DesignerProblem } from './designer_problems.tsx'
import { KeyPicker } from './designer_pickers.tsx'
import { useDesignerChoices, type DesignerChoice } from './designer_choices.ts'

const STRATEGIES = ['round_robin', 'least_busy'] as const

/**
 * What happens when a stage's SLA is breached (`escalation`): reassign to
 * a role, a person or a team (with its strategy), and/or take a
 * transition. Cleared inputs leave their property out.
 */
export function EscalationEditor(props: {
  stage: EditorStage
  stageTitle: string
  transitions: readonly EditorTransition[]
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (escalation: StageEscalation | undefined) => void
}) {
  const { t } = useI18n()
  const { teams } = useDesignerChoices()
  const { stage, id, problems } = props
  const escalation = stage.escalation
  const leaving: DesignerChoice[] = props.transitions
    .filter((transition) => transition.from === stage.key && transition.key !== '')
    .map((transition) => ({ key: transition.key, name: transition.label.trim() || transition.key }))
  const set = (patch: Record<string, string>) => {
    const next: Record<string, string> = { ...(escalation as Record<string, string>) }
    for (const [property, value] of Object.entries(patch)) {
      if (value.trim() === '') delete next[property]
      else next[property] = value
    }
    if (!next.reassignTeam) delete next.strategy
    props.onChange(next as StageEscalation)
  }

  return (
    <section className="wf-escalation" aria-labelledby={id('escalation-heading')}>
      <h4 id={id('escalation-heading')}>{t('designer_people.escalation.title')}</h4>
      {!escalation ? (
        <>
          <p className="wf-muted">{t('designer_people.escalation.none')}</p>
          <button
            type="button"
            className="btn btn-sm"
            id={id('escalation-add')}
            onClick={() => props.onChange({})}
          >
            {t('designer_people.escalation.add', { stage: props.stageTitle })}
          </button>
        </>
      ) : (
        <>
          <div className="wf-grid">
            <ChoiceControl
              id={id('escalation-reassignRole')}
              label={t('designer_people.escalation.reassignRole')}
              problems={problems('escalation.reassignRole')}
              values={ROLES}
              labelOf={(role) => t(`roles.${role}`)}
              none={t('designer_people.escalation.nobody')}
              value={escalation.reassignRole ?? ''}
              onChange={(reassignRole) => set({ reassignRole })}
            />
            <DesignerControl
              id={id('escalation-reassignUser')}
              label={t('designer_people.escalation.reassignUser')}
              problems={problems('escalation.reassignUser')}
            >
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="off"
                  value={escalation.reassignUser ?? ''}
                  onChange={(event) => set({ reassignUser: event.target.value })}
                />
              )}
            </DesignerControl>
            <KeyPicker
              id={id('escalation-reassignTeam')}
              label={t('designer_people.escalation.reassignTeam')}
              problems={problems('escalation.reassignTeam')}
              choices={teams}
              none={t('designer_people.noTeam')}
              value={escalation.reassignTeam ?? ''}
              onChange={(reassignTeam) => set({ reassignTeam })}
            />
            {(escalation.reassignTeam || escalation.strategy) && (
              <ChoiceControl
                id={id('escalation-strategy')}
                label={t('designer_people.strategy')}
                problems={problems('escalation.strategy')}
                values={STRATEGIES}
                labelOf={(strategy) => t(`designer_people.strategies.${strategy}`)}
                none={t('designer_people.strategies.queue')}
                value={escalation.strategy ?? ''}
                onChange={(strategy) => set({ strategy })}
              />
            )}
            <KeyPicker
              id={id('escalation-transition')}
              label={t('designer_people.escalation.transition')}
              problems={problems('escalation.transition')}
              choices={leaving}
              none={t('designer_people.escalation.noTransition')}
              value={escalation.transition ?? ''}
              onChange={(transition) => set({ transition })}
            />
          </div>
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={() => props.onChange(undefined)}
          >
            {t('designer_people.escalation.remove', { stage: props.stageTitle })}
          </button>
        </>
      )}
    </section>
  )
}
