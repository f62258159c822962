import { useI18n } from '../../lib/i18n.ts'

/**
 * The workflow's stages in definition order with the current one marked:
 * the plain-list view of where a process stands.
 */
export function StageList(props: {
  stages: { key: string; name: string; type: string }[]
  current: string
}) {
  const { t } = useI18n()
  return (
    <ol className="stage-list">
      {props.stages.map((stage) => {
        const current = stage.key === props.current
        return (
          <li
            key={stage.key}
            className={`stage-item stage-${stage.type}${current ? ' is-current' : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span>{stage.name}</span>
            {current && <span className="sr-only"> ({t('processes.stages.current')})</span>}
            {stage.type === 'end' && <span className="muted"> · {t('processes.stages.end')}</span>}
          </li>
        )
      })}
    </ol>
  )
}
