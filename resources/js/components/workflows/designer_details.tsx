import { useI18n } from '../../lib/i18n.ts'
import { DesignerControl } from './designer_control.tsx'
import { InlineProblems } from './designer_problems.tsx'
import { setWorkflow, type EditorDocument } from './designer_state.ts'
import type { ProblemIndex } from './problem_index.ts'
import type { DesignerSession } from './use_designer_session.ts'

/** The workflow's own settings: name, key (only while creating) and description. */
export function DesignerDetails(props: {
  doc: EditorDocument
  creating: boolean
  problemIndex: ProblemIndex
  edit: DesignerSession['edit']
}) {
  const { t } = useI18n()
  const { doc, creating, edit } = props
  const problems = (slot: string) => props.problemIndex.workflow.get(slot) ?? []
  const change = (patch: Parameters<typeof setWorkflow>[1]) =>
    edit((d) => setWorkflow(d, patch, { keyEditable: creating }))
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('designer.details')}</h2>
      <InlineProblems id="wf-general-problems" problems={problems('')} />
      <div className="wf-grid">
        <DesignerControl
          id="wf-name"
          label={t('designer.workflow.name')}
          problems={problems('name')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={doc.name}
              maxLength={200}
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </DesignerControl>
        <DesignerControl
          id="wf-key"
          label={t('designer.workflow.key')}
          problems={problems('key')}
          hint={creating ? t('designer.workflow.keyHint') : t('designer.workflow.keyFixed')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="wf-mono"
              spellCheck={false}
              autoCapitalize="off"
              readOnly={!creating}
              value={doc.key}
              maxLength={64}
              onChange={(event) => change({ key: event.target.value })}
            />
          )}
        </DesignerControl>
      </div>
      <DesignerControl
        id="wf-description"
        label={t('designer.workflow.description')}
        problems={problems('description')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={doc.description}
            onChange={(event) => change({ description: event.target.value })}
          />
        )}
      </DesignerControl>
    </section>
  )
}
