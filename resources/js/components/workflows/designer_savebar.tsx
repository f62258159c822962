import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../ui/modal_dialog.tsx'
import { focusElement } from './designer_problems.tsx'
import type { DesignerSession } from './use_designer_session.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'

/**
 * The bar at the bottom of the designer: whether the work is saved, how
 * many problems remain, Save draft, and Publish… (with why it is not
 * possible yet, and its confirmation).
 */
export function DesignerSavebar(props: {
  workflow: Data.Workflow | null
  session: DesignerSession
}) {
  const { t } = useI18n()
  const { workflow, session } = props
  const { dirty, problems, processing } = session
  const creating = workflow === null
  const hasDraft = workflow?.draftVersion !== null && workflow?.draftVersion !== undefined
  const publishBlocker = creating
    ? t('designer.publish.saveFirst')
    : dirty
      ? t('designer.publish.unsaved')
      : problems.length > 0
        ? t('designer.publish.problems')
        : !hasDraft
          ? t('designer.publish.nothing')
          : null

  return (
    <>
      <div className="wf-savebar" role="region" aria-label={t('designer.savebar')}>
        <span className={`wf-save-state${dirty ? ' is-dirty' : ''}`}>
          {dirty
            ? t('designer.unsaved.label')
            : creating
              ? t('designer.notSaved')
              : t('designer.saved')}
          {problems.length > 0 && (
            <>
              {' · '}
              <a
                href="#problems-heading"
                onClick={(event) => {
                  event.preventDefault()
                  focusElement('problems-heading')
                }}
              >
                {t('designer.summary.title', { count: problems.length })}
              </a>
            </>
          )}
        </span>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            // Saving an unchanged workflow would only open an identical draft.
            disabled={processing || (!creating && !dirty)}
            onClick={session.save}
          >
            {t('designer.save')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={processing || publishBlocker !== null}
            aria-describedby={publishBlocker ? 'publish-blocker' : undefined}
            onClick={() => session.setConfirmPublish(true)}
          >
            {t('designer.publish.button')}
          </button>
          {publishBlocker && (
            <span id="publish-blocker" className="hint">
              {publishBlocker}
            </span>
          )}
        </div>
      </div>

      {workflow && (
        <ModalDialog
          open={session.confirmPublish}
          onClose={() => session.setConfirmPublish(false)}
          title={t('designer.publish.confirmTitle', {
            number: workflow.draftVersion ?? '',
            name: workflow.name,
          })}
        >
          <p>{t('designer.publish.confirmBody')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={processing}
              onClick={session.publish}
            >
              {t('designer.publish.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => session.setConfirmPublish(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  )
}
