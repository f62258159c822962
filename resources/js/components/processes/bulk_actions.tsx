import { useState } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { ModalDialog } from '../ui/modal_dialog.tsx'
import type { BulkSelectionState } from './bulk_selection.tsx'
import { BulkDialog, type BulkActionName } from './bulk_dialog.tsx'

/**
 * Bulk actions on the process list (leads): assign, run a transition or
 * cancel the ticked rows or every process of the current filter. Each
 * opens a dialog that previews what would happen, asks for confirmation
 * and then starts the background run (its page shows progress and the
 * result per process).
 */
export function BulkActions(props: {
  filters: Record<string, string>
  total: number
  allowed: boolean
  people: { id: number; name: string; isActive?: boolean }[]
  pageCount: number
  state: BulkSelectionState
}) {
  const { t } = useI18n()
  const [action, setAction] = useState<BulkActionName | null>(null)
  if (!props.allowed || props.total === 0) return null

  const { selection } = props.state
  const count = selection.mode === 'filter' ? props.total : selection.ids.length
  const target = selection.mode === 'filter' ? { filter: props.filters } : { ids: selection.ids }

  return (
    <div className="toolbar" role="group" aria-label={t('processes.bulk.region')}>
      <p aria-live="polite" className="muted" style={{ margin: 0 }}>
        {selection.mode === 'filter'
          ? t('processes.bulk.allSelected', { count: props.total })
          : count > 0
            ? t('processes.bulk.selected', { count })
            : t('processes.bulk.hint')}
      </p>
      {selection.mode === 'rows' && props.state.allOnPage && props.total > props.pageCount && (
        <button type="button" className="link-button" onClick={props.state.selectFilter}>
          {t('processes.bulk.selectAllMatching', { count: props.total })}
        </button>
      )}
      {(selection.mode === 'filter' || count > 0) && (
        <button type="button" className="link-button" onClick={props.state.clear}>
          {t('processes.bulk.clear')}
        </button>
      )}
      <div className="form-actions" style={{ marginLeft: 'auto' }}>
        {(['assign', 'transition', 'cancel'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className={`btn btn-sm${name === 'cancel' ? ' btn-danger' : ''}`}
            disabled={count === 0}
            onClick={() => setAction(name)}
          >
            {t(`processes.bulk.actions.${name}`)}
          </button>
        ))}
      </div>
      <ModalDialog
        open={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`processes.bulk.titles.${action}`, { count }) : ''}
        className="modal-wide"
      >
        {action && (
          <BulkDialog
            action={action}
            target={target}
            people={props.people.filter((p) => p.isActive !== false)}
            onClose={() => setAction(null)}
          />
        )}
      </ModalDialog>
    </div>
  )
}
