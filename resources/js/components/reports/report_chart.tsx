import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useI18n } from '../../lib/i18n.ts'
import { formatCell } from './format.ts'
import { useReportLabels } from './report_table.tsx'
import type { ReportChart as Chart, ReportTable } from './types.ts'

const COLORS = [
  '#2563eb',
  '#16a34a',
  '#dc2626',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#4b5563',
]

/**
 * One chart over a result table (the same numbers as the table below it,
 * which is what screen readers get: the chart itself is aria-hidden).
 */
export function ReportChart({ chart, table }: { chart: Chart; table: ReportTable }) {
  const { locale } = useI18n()
  const labels = useReportLabels()
  const typeOf = (key: string) => table.columns.find((c) => c.key === key)?.type ?? 'number'
  const data = table.rows.map((row) => ({
    ...row,
    [chart.x]: row[chart.x] ?? '—',
  }))
  const format = (value: unknown, key: string) => formatCell(value as number, typeOf(key), locale)
  const series = chart.series.map((key, i) => ({
    key,
    name: labels.column(key),
    color: COLORS[i % COLORS.length]!,
  }))
  const axisType = typeOf(chart.series[0] ?? '')

  return (
    <figure className="card report-chart" data-chart={chart.table}>
      <figcaption className="sr-only">{labels.table(chart.table)}</figcaption>
      <div aria-hidden="true" style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          {chart.kind === 'line' ? (
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey={chart.x} />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(v, name) => format(v, String(name))} />
              <Legend />
              {series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.color}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey={chart.x} />
              <YAxis tickFormatter={(v) => formatCell(v, axisType, locale)} />
              <Tooltip formatter={(v, _name, item) => format(v, String(item.dataKey))} />
              <Legend />
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
