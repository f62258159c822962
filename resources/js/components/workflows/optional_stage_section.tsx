import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorStage, EditorTransition } from './designer_state.ts'
import type { DesignerChoice } from './designer_choices.ts'

/**
 * The shell of a stage setting that is either absent or edited in full
 * (approvals, child processes): a heading, an "add" button while absent,
 * the editor and a "remove" button once present. Its strings are
 * `designer_people.<name>.{title,none,add,remove}`.
 */
export function OptionalStageSection(props: {
  name: 'approval' | 'children'
  id: (slot: string) => string
  stageTitle: string
  present: boolean
  onAdd: () => void
  onRemove: () => void
  children: ReactNode
}) {
  const { t } = useI18n()
  const { name, id } = props
  return (
    <section className={`wf-${name}`} aria-labelledby={id(`${name}-heading`)}>
      <h4 id={id(`${name}-heading`)}>{t(`designer_people.${name}.title`)}</h4>
      {!props.present ? (
        <>
          <p className="wf-muted">{t(`designer_people.${name}.none`)}</p>
          <button type="button" className="btn btn-sm" id={id(`${name}-add`)} onClick={props.onAdd}>
            {t(`designer_people.${name}.add`, { stage: props.stageTitle })}
          </button>
        </>
      ) : (
        <>
          {props.children}
          <button type="button" className="btn btn-sm btn-danger" onClick={props.onRemove}>
            {t(`designer_people.${name}.remove`, { stage: props.stageTitle })}
          </button>
        </>
      )}
    </section>
  )
}

/** The transitions leaving `stage`, as choices for a setting that names one. */
export function leavingChoices(
  stage: EditorStage,
  transitions: readonly EditorTransition[]
): DesignerChoice[] {
  return transitions
    .filter((transition) => transition.from === stage.key && transition.key !== '')
    .map((transition) => ({ key: transition.key, name: transition.label.trim() || transition.key }))
}
