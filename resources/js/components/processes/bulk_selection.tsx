import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../lib/i18n.ts'

/**
 * What the bulk actions apply to: rows ticked on this page, or every
 * process the current filter matches. Navigating to another page or
 * filter starts over (the ids of the shown rows are the key).
 */
export type BulkSelection = { mode: 'rows'; ids: number[] } | { mode: 'filter' }

export function useBulkSelection(pageIds: number[]) {
  const key = pageIds.join(',')
  const [state, setState] = useState<{ key: string; selection: BulkSelection }>({
    key,
    selection: { mode: 'rows', ids: [] },
  })
  const selection: BulkSelection = state.key === key ? state.selection : { mode: 'rows', ids: [] }
  const set = (next: BulkSelection) => setState({ key, selection: next })
  const ids = selection.mode === 'rows' ? selection.ids : pageIds
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => ids.includes(id))

  return {
    selection,
    isSelected: (id: number) => ids.includes(id),
    allOnPage,
    someOnPage: !allOnPage && pageIds.some((id) => ids.includes(id)),
    toggle: (id: number) =>
      set({
        mode: 'rows',
        ids: ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id],
      }),
    togglePage: () => set({ mode: 'rows', ids: allOnPage ? [] : [...pageIds] }),
    selectFilter: () => set({ mode: 'filter' }),
    clear: () => set({ mode: 'rows', ids: [] }),
  }
}

export type BulkSelectionState = ReturnType<typeof useBulkSelection>

/** The header checkbox: every row on this page (mixed when only some are ticked). */
export function SelectPageCheckbox({ state }: { state: BulkSelectionState }) {
  const { t } = useI18n()
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state.someOnPage
  }, [state.someOnPage])
  return (
    <input
      ref={ref}
      type="checkbox"
      className="checkbox"
      checked={state.allOnPage}
      onChange={state.togglePage}
      aria-label={t('processes.bulk.selectPage')}
    />
  )
}

export function SelectRowCheckbox(props: {
  state: BulkSelectionState
  id: number
  reference: string
}) {
  const { t } = useI18n()
  return (
    <input
      type="checkbox"
      className="checkbox"
      checked={props.state.isSelected(props.id)}
      onChange={() => props.state.toggle(props.id)}
      aria-label={t('processes.bulk.selectRow', { reference: props.reference })}
    />
  )
}
