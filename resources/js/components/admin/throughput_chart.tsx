import { useId } from 'react'
import { useI18n } from '../../lib/i18n.ts'

/**
 * Jobs completed per minute over the last hour as a small bar chart
 * (inline SVG, one bar per minute, oldest on the left). The numbers are
 * also said in words for screen readers and under the chart.
 */
export function ThroughputChart(props: {
  perMinute: number[]
  /** Compact (no caption) for the overview cards. */
  small?: boolean
}) {
  const { t } = useI18n()
  const titleId = useId()
  const points = props.perMinute
  const total = points.reduce((sum, n) => sum + n, 0)
  const peak = Math.max(0, ...points)
  const width = 240
  const height = props.small ? 36 : 64
  const slot = width / Math.max(points.length, 1)
  const summary = t('admin.queues.chart.summary', { total, peak })

  return (
    <figure className={`throughput${props.small ? ' throughput-small' : ''}`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{`${t('admin.queues.chart.title')}: ${summary}`}</title>
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="throughput-axis" />
        {points.map((value, index) => {
          if (value === 0) return null
          const barHeight = Math.max(2, (value / peak) * (height - 4))
          return (
            <rect
              key={index}
              x={index * slot + slot * 0.15}
              y={height - barHeight}
              width={slot * 0.7}
              height={barHeight}
              className="throughput-bar"
            >
              <title>
                {t('admin.queues.chart.bar', { count: value, minutes: points.length - index })}
              </title>
            </rect>
          )
        })}
      </svg>
      {!props.small && (
        <figcaption>
          <span>{t('admin.queues.chart.hourAgo')}</span>
          <span>{summary}</span>
          <span>{t('admin.queues.chart.now')}</span>
        </figcaption>
      )}
    </figure>
  )
}
