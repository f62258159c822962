import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../ui/modal_dialog.tsx'
import type { EditorDocument } from './designer_state.ts'
import { transitionsOfStage } from './canvas_editing.ts'

const nameOf = (row: { name?: string; label?: string; key: string }) =>
  (row.name ?? row.label ?? '').trim() || row.key

/** "Connect to…": the stages a transition from `from` can go to. */
export function ConnectDialog(props: {
  doc: EditorDocument
  from: number | null
  onConnect: (from: number, to: number) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const source = props.from === null ? undefined : props.doc.stages[props.from]
  return (
    <ModalDialog
      open={source !== undefined}
      onClose={props.onClose}
      title={t('canvas_editor.connect.title', { name: source ? nameOf(source) : '' })}
    >
      <p>{t('canvas_editor.connect.body')}</p>
      <ul className="wf-connect-list">
        {props.doc.stages.map((stage, index) =>
          index === props.from ? null : (
            <li key={stage.uid}>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => props.onConnect(props.from!, index)}
              >
                {nameOf(stage)}
                <span className="wf-muted"> · {t(`workflows.stageTypes.${stage.type}`)}</span>
              </button>
            </li>
          )
        )}
      </ul>
      <div className="form-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  )
}

/**
 * Deleting a stage: how many processes sit in it on the published version,
 * and which transitions go with it.
 */
export function DeleteStageDialog(props: {
  doc: EditorDocument
  index: number | null
  published: { number: number; activeByStage: Record<string, number> } | null
  onConfirm: (index: number) => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const stage = props.index === null ? undefined : props.doc.stages[props.index]
  const going = stage ? transitionsOfStage(props.doc, props.index!) : []
  const active = stage && props.published ? (props.published.activeByStage[stage.key] ?? 0) : 0
  return (
    <ModalDialog
      open={stage !== undefined}
      onClose={props.onClose}
      title={t('canvas_editor.delete.title', { name: stage ? nameOf(stage) : '' })}
    >
      {props.published && (
        <p className={active > 0 ? 'alert alert-warning' : undefined} data-testid="delete-active">
          {t('canvas_editor.delete.active', { count: active, version: props.published.number })}
        </p>
      )}
      {going.length > 0 ? (
        <>
          <p>{t('canvas_editor.delete.transitions', { count: going.length })}</p>
          <ul>
            {going.map((transition) => (
              <li key={transition.uid}>
                {nameOf(transition)} ({transition.from} → {transition.to})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('canvas_editor.delete.noTransitions')}</p>
      )}
      <p className="hint">{t('canvas_editor.delete.undo')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => props.onConfirm(props.index!)}
        >
          {t('canvas_editor.delete.confirm')}
        </button>
        <button type="button" className="btn" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  )
}
