import { useI18n } from '../../lib/i18n.ts'
import { DesignerSection } from './designer_control.tsx'
import { addStage, addTransition, type EditorDocument } from './designer_state.ts'
import type { ProblemIndex } from './problem_index.ts'
import type { RowEditors } from './designer_row_editors.tsx'
import type { DesignerSession } from './use_designer_session.ts'

/** The designer's form view: every stage, then every transition, each with its editor. */
export function DesignerFormView(props: {
  doc: EditorDocument
  problemIndex: ProblemIndex
  edit: DesignerSession['edit']
  editors: RowEditors
}) {
  const { t } = useI18n()
  const { doc, edit, editors } = props
  return (
    <>
      <DesignerSection
        id="stages"
        heading={t('designer.stages', { count: doc.stages.length })}
        problems={props.problemIndex.stages}
        addLabel={t('designer.stage.add')}
        onAdd={() => {
          const result = addStage(
            doc,
            t('designer.defaults.stage', { number: doc.stages.length + 1 })
          )
          edit(() => result.doc, `stage-${result.uid}-name`)
        }}
      >
        {doc.stages.map((stage, index) => editors.renderStage(stage, index))}
      </DesignerSection>

      <DesignerSection
        id="transitions"
        heading={t('designer.transitions', { count: doc.transitions.length })}
        problems={props.problemIndex.transitions}
        addLabel={t('designer.transition.add')}
        addDisabled={doc.stages.length === 0}
        onAdd={() => {
          const result = addTransition(doc)
          edit(() => result.doc, `transition-${result.uid}-label`)
        }}
      >
        {doc.transitions.map(editors.renderTransition)}
      </DesignerSection>
    </>
  )
}
