import { useI18n } from '../../lib/i18n.ts'

const BADGE = {
  pending: 'badge-primary',
  running: 'badge-primary',
  completed: 'badge-success',
  failed: 'badge-danger',
} as const

export function RunStatus({ status }: { status: keyof typeof BADGE }) {
  const { t } = useI18n()
  return <span className={`badge ${BADGE[status]}`}>{t(`reports.status.${status}`)}</span>
}
