import type { ReactNode } from 'react'
import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Markdown } from './markdown.tsx'
import { displayValue, type FieldDef, type PersonOption } from './data_field.tsx'
import { readableCondition } from '../../lib/readable_condition.ts'

export type TimelineEvent = {
  id: number
  sequence: number
  type: string
  fromStage: string | null
  toStage: string | null
  fromStageName: string | null
  toStageName: string | null
  transitionLabel: string | null
  payloadStageName: string | null
  /** Delegation: the absent person the actor acted for. */
  onBehalfOf?: { id: number; name: string } | null
  /** Set on the system's step out of a decision stage; `when` null = `otherwise`. */
  route: { stage: string; index: number | null; when: string | null } | null
  actor: { id: number; name: string } | null
  assignee: { id: number; name: string } | null
  payload: Record<string, unknown>
  occurredAt: string
}

/**
 * The event log in words — who did what, when, from which stage to which
 * — newest first. Comments are rendered as safe Markdown.
 */
export function Timeline(props: {
  events: TimelineEvent[]
  fields: FieldDef[]
  people: PersonOption[]
}) {
  const { t, locale, formatDateTime } = useI18n()

  const describe = (event: TimelineEvent): { text: string; details?: ReactNode } => {
    const who = event.actor?.name ?? t('processes.timeline.system')
    const payload = event.payload
    switch (event.type) {
      case 'started':
        return {
          text: t('processes.timeline.started', { who, to: event.toStageName ?? '' }),
        }
      case 'transitioned':
        if (isRecord(payload.approval)) {
          return {
            text: t(
              payload.approval.decision === 'rejected'
                ? 'processes.timeline.approvalRejected'
                : 'processes.timeline.approvalApproved',
              { to: event.toStageName ?? '' }
            ),
          }
        }
        if (event.route) {
          const to = event.toStageName ?? ''
          return {
            text:
              event.route.when === null
                ? t('processes.timeline.routedOtherwise', { to })
                : t('processes.timeline.routed', {
                    to,
                    condition: readableCondition(event.route.when, locale, {
                      and: t('processes.timeline.conditionAnd'),
                      or: t('processes.timeline.conditionOr'),
                    }),
                  }),
          }
        }
        return {
          text: t('processes.timeline.transitioned', {
            who,
            from: event.fromStageName ?? '',
            to: event.toStageName ?? '',
            label: event.transitionLabel ?? '',
          }),
          details:
            (isRecord(payload.data) && Object.keys(payload.data).length > 0) ||
            typeof payload.comment === 'string' ? (
              <>
                {isRecord(payload.data) && <Changes patch={payload.data} {...props} />}
                {typeof payload.comment === 'string' && <Markdown text={payload.comment} />}
              </>
            ) : null,
        }
      case 'data_updated':
        return {
          text: t('processes.timeline.dataUpdated', { who }),
          details:
            isRecord(payload.patch) && Object.keys(payload.patch).length > 0 ? (
              <Changes patch={payload.patch} {...props} />
            ) : null,
        }
      case 'voted': {
        const decision = payload.decision === 'reject' ? 'Reject' : 'Approve'
        return {
          text: event.onBehalfOf
            ? t(`processes.timeline.voted${decision}OnBehalf`, { who, name: event.onBehalfOf.name })
            : t(`processes.timeline.voted${decision}`, { who }),
          details: typeof payload.comment === 'string' ? <Markdown text={payload.comment} /> : null,
        }
      }
      case 'assigned':
        if (!event.assignee) {
          return typeof payload.team === 'string'
            ? { text: t('processes.timeline.queued', { team: payload.team }) }
            : { text: t('processes.timeline.unassigned', { who }) }
        }
        if (event.onBehalfOf) {
          return {
            text: t('processes.timeline.assignedOnBehalf', {
              who,
              name: event.assignee.name,
              absent: event.onBehalfOf.name,
            }),
          }
        }
        if (event.assignee.id === event.actor?.id)
          return { text: t('processes.timeline.claimed', { who }) }
        return { text: t('processes.timeline.assigned', { who, name: event.assignee.name }) }
      case 'commented':
        return {
          text: t('processes.timeline.commented', { who }),
          details: typeof payload.body === 'string' ? <Markdown text={payload.body} /> : null,
        }
      case 'child_started':
        return {
          text: t('processes.timeline.childStarted', {
            reference: String(payload.reference),
            title: String(payload.title),
          }),
        }
      case 'cancelled':
        return {
          text: t('processes.timeline.cancelled', { who }),
          details:
            typeof payload.reason === 'string' ? (
              <p className="timeline-reason">{payload.reason}</p>
            ) : null,
        }
      case 'attachment_added':
        return {
          text: t('processes.timeline.attachmentAdded', {
            who,
            name: typeof payload.fileName === 'string' ? payload.fileName : '',
          }),
        }
      case 'migrated':
        return { text: t('processes.timeline.migrated', { who }) }
      case 'sla_breached':
        return {
          text: t('processes.timeline.slaBreached', {
            stage: event.payloadStageName ?? event.toStageName ?? event.fromStageName ?? '',
          }),
        }
      default:
        return { text: t('processes.timeline.other', { who, type: event.type }) }
    }
  }

  return (
    <ol className="timeline">
      {props.events.map((event) => {
        const { text, details } = describe(event)
        const bulkId = isRecord(event.payload.origin) ? event.payload.origin.bulkOperationId : null
        return (
          <li key={event.id} className={`timeline-item timeline-${event.type}`}>
            <div className="timeline-head">
              <span className="timeline-text">{text}</span>
              <time dateTime={event.occurredAt} className="muted">
                {formatDateTime(event.occurredAt)}
              </time>
            </div>
            {details && <div className="timeline-details">{details}</div>}
            {typeof bulkId === 'number' && (
              <p className="timeline-origin muted">
                <Link href={urlFor('processes.bulk.show', { id: bulkId })}>
                  {t('processes.timeline.viaBulk', { id: bulkId })}
                </Link>
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}

function Changes(props: {
  patch: Record<string, unknown>
  fields: FieldDef[]
  people: PersonOption[]
}) {
  const { t } = useI18n()
  const entries = Object.entries(props.patch)
  if (!entries.length) return null
  return (
    <dl className="changes">
      {entries.map(([key, value]) => {
        const field = props.fields.find((f) => f.key === key) ?? {
          key,
          label: key,
          type: 'text' as const,
        }
        return (
          <div key={key}>
            <dt>{field.label}</dt>
            <dd>{displayValue(field, value, props.people, t)}</dd>
          </div>
        )
      })}
    </dl>
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
