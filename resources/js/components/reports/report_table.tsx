import { useI18n } from '../../lib/i18n.ts'
import { formatCell } from './format.ts'
import type { ReportTable as Table } from './types.ts'
import { EmptyState } from '../ui/empty_state.tsx'

/** Column or table label: translated when the catalog knows the key. */
export function useReportLabels() {
  const { t } = useI18n()
  const known = (id: string, fallback: string) => {
    const text = t(id)
    return text === id ? fallback : text
  }
  return {
    column: (key: string) => known(`reports.columns.${key}`, key),
    table: (key: string) => known(`reports.tables.${key}`, key),
  }
}

export function ReportTable({ table }: { table: Table }) {
  const { t, locale } = useI18n()
  const labels = useReportLabels()
  const title = labels.table(table.key)
  return (
    <section className="card" aria-labelledby={`table-${table.key}`}>
      <h2 id={`table-${table.key}`}>{title}</h2>
      {table.rows.length === 0 ? (
        <EmptyState title={t('reports.noRows')} />
      ) : (
        <div className="table-wrap">
          <table className={`report-table report-table-${table.key}`}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.type === 'text' || c.type === 'date' ? '' : 'num'}
                  >
                    {labels.column(c.key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c) => (
                    <td key={c.key} className={c.type === 'text' || c.type === 'date' ? '' : 'num'}>
                      {formatCell(row[c.key], c.type, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
