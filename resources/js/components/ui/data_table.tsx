import type { ReactNode } from 'react'

/**
 * A captioned table with column headers, or a note when there are no rows.
 * `row` renders the cells of one row (the `<tr>` is added here).
 */
export function DataTable<Row>(props: {
  caption: string
  columns: string[]
  rows: Row[]
  rowKey: (row: Row) => string
  row: (row: Row) => ReactNode
  empty: string
}) {
  if (props.rows.length === 0) return <p className="queue-note">{props.empty}</p>
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>{props.row(row)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
