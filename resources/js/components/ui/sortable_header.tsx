import type { ReactNode } from 'react'

/**
 * A column header that sorts a server-side list: a real button inside the
 * <th>, with `aria-sort` on the header saying the current order.
 */
export function SortableHeader(props: {
  children: ReactNode
  /** This column's sort key. */
  column: string
  /** The list's current sort key and direction. */
  sort: string
  direction: 'asc' | 'desc'
  onSort: (column: string, direction: 'asc' | 'desc') => void
  className?: string
  /** Direction used when the column is chosen first. */
  firstDirection?: 'asc' | 'desc'
}) {
  const active = props.sort === props.column
  const next = active
    ? props.direction === 'asc'
      ? 'desc'
      : 'asc'
    : (props.firstDirection ?? 'asc')
  return (
    <th
      scope="col"
      className={props.className}
      aria-sort={active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => props.onSort(props.column, next)}
      >
        {props.children}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (props.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}
