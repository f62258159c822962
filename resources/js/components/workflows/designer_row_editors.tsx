import { useMemo } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { StageEditor } from './stage_editor.tsx'
import { TransitionEditor } from './transition_editor.tsx'
import { fieldKeysOf } from './designer_views.ts'
import {
  addField,
  clearStagePart,
  moveStage,
  removeField,
  removeStage,
  removeTransition,
  updateField,
  updateStage,
  updateTransition,
  type EditorDocument,
} from './designer_state.ts'
import type { DesignerSession } from './use_designer_session.ts'

type Stage = EditorDocument['stages'][number]
type Transition = EditorDocument['transitions'][number]

/**
 * The editors of one stage and one transition, wired to the designer's
 * session: the form view lists them all, the canvas view shows the selected
 * one. Moving and removing rows move the focus and announce what happened.
 */
export function useRowEditors(props: {
  doc: EditorDocument
  edit: DesignerSession['edit']
  announce: (message: string) => void
}) {
  const { t } = useI18n()
  const { doc, edit, announce } = props
  const fieldKeys = useMemo(() => fieldKeysOf(doc), [doc])

  const renderStage = (
    stage: Stage,
    index: number,
    /** The canvas asks before removing a stage. */
    onRemove?: () => void
  ) => (
    <StageEditor
      key={stage.uid}
      stage={stage}
      index={index}
      count={doc.stages.length}
      transitions={doc.transitions}
      onChange={(patch) => edit((d) => updateStage(d, index, patch))}
      onMove={(delta) => {
        const target = index + delta
        const edge = target === 0 || target === doc.stages.length - 1
        const keep = delta === -1 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down'
        edit((d) => moveStage(d, index, delta), `stage-${stage.uid}-${keep}`)
        announce(
          t('designer.stage.moved', {
            name: stage.name || stage.key,
            position: target + 1,
            count: doc.stages.length,
          })
        )
      }}
      onRemove={() => {
        if (onRemove) return onRemove()
        const result = removeStage(doc, index)
        const previous = doc.stages[index - 1]
        edit(() => result.doc, previous ? `stage-${previous.uid}-heading` : 'add-stage')
        announce(
          t('designer.stage.removed', {
            name: stage.name || stage.key,
            transitions: result.removedTransitions,
          })
        )
      }}
      onAddField={() => {
        const result = addField(doc, index)
        edit(() => result.doc, `field-${result.uid}-label`)
      }}
      onFieldChange={(fieldIndex, patch) => edit((d) => updateField(d, index, fieldIndex, patch))}
      onFieldRemove={(fieldIndex) =>
        edit((d) => removeField(d, index, fieldIndex), `stage-${stage.uid}-add-field`)
      }
      onClearPart={(part) => edit((d) => clearStagePart(d, index, part))}
    />
  )

  const renderTransition = (transition: Transition, index: number) => (
    <TransitionEditor
      key={transition.uid}
      transition={transition}
      index={index}
      stages={doc.stages}
      transitions={doc.transitions}
      fieldKeys={fieldKeys}
      onChange={(patch) => edit((d) => updateTransition(d, index, patch))}
      onRemove={() => {
        const previous = doc.transitions[index - 1]
        edit(
          (d) => removeTransition(d, index),
          previous ? `transition-${previous.uid}-heading` : 'add-transition'
        )
        announce(t('designer.transition.removed', { name: transition.label || transition.key }))
      }}
    />
  )

  return { renderStage, renderTransition }
}

export type RowEditors = ReturnType<typeof useRowEditors>
