import { useI18n } from '../../lib/i18n.ts'

const STATUS_CLASS: Record<string, string> = {
  active: 'badge-primary',
  completed: 'badge-success',
  cancelled: '',
  failed: 'badge-danger',
}

/** A process's status in words, coloured by outcome. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n()
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? ''}`}>{t(`processes.status.${status}`)}</span>
  )
}

/** Priority in words; high and urgent stand out. */
export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useI18n()
  return (
    <span className={`badge priority priority-${priority}`}>
      {t(`processes.priority.${priority}`)}
    </span>
  )
}

/**
 * A due date; an overdue one is marked in words as well as colour.
 */
export function DueDate(props: { dueAt: string | null; overdue: boolean }) {
  const { t } = useI18n()
  if (!props.dueAt) return <span className="muted">{t('processes.noDueDate')}</span>
  return (
    <span className={props.overdue ? 'due overdue' : 'due'}>
      <ShortDateTime iso={props.dueAt} />
      {props.overdue && <span className="overdue-flag"> · {t('processes.overdue')}</span>}
    </span>
  )
}

/**
 * A compact date and time for tables and cards ("Nov 3, 14:05"); the
 * year only when it is not this year, the full date on hover.
 */
export function ShortDateTime({ iso }: { iso: string }) {
  const { locale, formatDateTime } = useI18n()
  const date = new Date(iso)
  const text = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: date.getFullYear() === new Date().getFullYear() ? undefined : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {text}
    </time>
  )
}

/** Someone's initials and name, or "Unassigned". */
export function Person(props: { person: { name: string; initials?: string } | null }) {
  const { t } = useI18n()
  if (!props.person) return <span className="muted">{t('processes.unassigned')}</span>
  return (
    <span className="person">
      {props.person.initials && (
        <span className="avatar avatar-sm" aria-hidden="true">
          {props.person.initials}
        </span>
      )}
      {props.person.name}
    </span>
  )
}
