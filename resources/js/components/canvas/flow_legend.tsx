import { useI18n } from '../../lib/i18n.ts'
import { shortDuration } from './flow_scale.ts'
import type { FlowOverlay } from './overlay.ts'

/** What the flow overlay's colours and line widths mean. */
export function FlowLegend({
  flow,
  thresholds,
}: {
  flow: FlowOverlay
  thresholds: [number, number] | null
}) {
  const { t, formatDate } = useI18n()
  return (
    <div className="wf-flow-legend">
      <span>
        {t('workflows.canvas.period', {
          from: formatDate(flow.period.from),
          to: formatDate(flow.period.to),
        })}
      </span>
      <span>{t('workflows.canvas.widthLegend')}</span>
      {thresholds ? (
        <span className="wf-heat-legend">
          {t('workflows.canvas.medianLegend')}
          <span className="wf-heat-key wf-heat-fast">
            {t('workflows.canvas.below', { time: shortDuration(thresholds[0]) })}
          </span>
          <span className="wf-heat-key wf-heat-medium">
            {t('workflows.canvas.between', {
              from: shortDuration(thresholds[0]),
              to: shortDuration(thresholds[1]),
            })}
          </span>
          <span className="wf-heat-key wf-heat-slow">
            {t('workflows.canvas.above', { time: shortDuration(thresholds[1]) })}
          </span>
        </span>
      ) : (
        <span>{t('workflows.canvas.noTimes')}</span>
      )}
    </div>
  )
}
