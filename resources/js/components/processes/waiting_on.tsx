import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import { DueExplanation, type DueExplanationView } from './due_explanation.tsx'

/**
 * What a process is waiting for, as the server describes it (see
 * `Wait` in app/transformers/process_page_transformer.ts). Each kind has
 * one sentence; kinds the page does not know yet are skipped, so the
 * server can add new ones before the page learns them.
 *
 * The kinds `action` and `failed_step` are for the automation the engine
 * is getting: a step that is running or retrying, and a step that failed
 * and needs someone.
 */
export type Wait =
  | { kind: 'person'; user: { id: number; name: string } }
  | { kind: 'role'; role: string }
  | { kind: 'default_user'; email: string }
  | { kind: 'nobody' }
  | { kind: 'team'; team: string }
  | {
      kind: 'approvers'
      people: { id: number; name: string; delegate: { id: number; name: string } | null }[]
    }
  | { kind: 'timer'; dueAt: string; overdue: boolean; explanation?: DueExplanationView }
  | { kind: 'automatic'; at: string; transition: string; label: string }
  | { kind: 'closed'; outcome: string; closedAt: string | null; stageName: string }
  | {
      kind: 'action'
      name: string
      attempt: number
      maxAttempts: number
      nextTryAt: string | null
    }
  | { kind: 'failed_step'; name: string; error: string; failedAt: string | null }
  | { kind: 'children'; finished: number; total: number; running: string[] }
  | { kind: 'children_attention'; error: string }

export function WaitingOn(props: {
  waits: Wait[]
  onClaim?: () => void
  onClaimFromQueue?: () => void
}) {
  const { t, formatDateTime, locale } = useI18n()
  const formatList = (items: string[]) =>
    new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items)

  const sentence = (wait: Wait): ReactNode => {
    switch (wait.kind) {
      case 'person':
        return t('processes.waiting.person', { name: wait.user.name })
      case 'role':
        return t('processes.waiting.role', { role: t(`roles.${wait.role}`) })
      case 'default_user':
        return t('processes.waiting.defaultUser', { email: wait.email })
      case 'nobody':
        return (
          <>
            {t('processes.waiting.nobody')}
            {props.onClaim && (
              <>
                {' — '}
                <button type="button" className="link-button" onClick={props.onClaim}>
                  {t('processes.waiting.claimIt')}
                </button>
              </>
            )}
          </>
        )
      case 'team':
        return (
          <>
            {t('processes.waiting.team', { team: wait.team })}
            {props.onClaimFromQueue && (
              <>
                {' — '}
                <button type="button" className="link-button" onClick={props.onClaimFromQueue}>
                  {t('processes.queue.claim')}
                </button>
              </>
            )}
          </>
        )
      case 'approvers':
        return t('processes.waiting.approvers', {
          names: formatList(
            wait.people.map((p) =>
              p.delegate
                ? t('processes.waiting.approverWithDelegate', {
                    name: p.name,
                    delegate: p.delegate.name,
                  })
                : p.name
            )
          ),
        })
      case 'timer':
        return (
          <>
            {wait.overdue
              ? t('processes.waiting.timerOverdue', { at: formatDateTime(wait.dueAt) })
              : t('processes.waiting.timer', { at: formatDateTime(wait.dueAt) })}
            {wait.explanation && (
              <>
                {' · '}
                <DueExplanation explanation={wait.explanation} />
              </>
            )}
          </>
        )
      case 'automatic':
        return t('processes.waiting.automatic', {
          label: wait.label,
          at: formatDateTime(wait.at),
        })
      case 'closed':
        return t(`processes.waiting.closed.${wait.outcome}`, {
          stage: wait.stageName,
          at: formatDateTime(wait.closedAt),
        })
      case 'action':
        return wait.nextTryAt
          ? t('processes.waiting.actionRetrying', {
              name: wait.name,
              attempt: wait.attempt,
              max: wait.maxAttempts,
              at: formatDateTime(wait.nextTryAt),
            })
          : t('processes.waiting.actionRunning', {
              name: wait.name,
              attempt: wait.attempt,
              max: wait.maxAttempts,
            })
      case 'failed_step':
        return t('processes.waiting.failedStep', { name: wait.name, error: wait.error })
      case 'children':
        return wait.running.length
          ? t('processes.waiting.children', {
              finished: wait.finished,
              total: wait.total,
              count: wait.running.length,
              running: wait.running.slice(0, 5).join(', ') + (wait.running.length > 5 ? ', …' : ''),
            })
          : t('processes.waiting.childrenDone', { finished: wait.finished, total: wait.total })
      case 'children_attention':
        return t('processes.waiting.childrenAttention', { error: wait.error })
      default:
        return null
    }
  }

  const items = props.waits
    .map((wait, index) => ({ wait, index, text: sentence(wait) }))
    .filter((item) => item.text !== null)
  if (!items.length) return null

  return (
    <section className="waiting-on" aria-labelledby="waiting-on-title">
      <h2 id="waiting-on-title" className="waiting-on-title">
        {t('processes.waiting.title')}
      </h2>
      <ul>
        {items.map(({ wait, index, text }) => (
          <li
            key={index}
            className={`wait wait-${wait.kind}${
              (wait.kind === 'timer' && wait.overdue) ||
              wait.kind === 'failed_step' ||
              wait.kind === 'children_attention'
                ? ' wait-alert'
                : ''
            }`}
          >
            <span className="wait-icon" aria-hidden="true" />
            <span>{text}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
