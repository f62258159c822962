import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Markdown } from './markdown.tsx'
import { useCommandKey } from './command.ts'

type Person = { id: number; name: string }
type VoteView = {
  user: Person
  by: Person
  onBehalfOf: Person | null
  comment: string | null
  at: string
}
export type ApprovalView = {
  stage: string
  policy: 'all' | 'any' | { quorum: number }
  approvals: VoteView[]
  rejections: VoteView[]
  awaiting: (Person & { delegate: Person | null })[]
  decided: 'approved' | 'rejected' | null
}

/**
 * The approval of a stage: the policy, who approved and rejected (with
 * comments, and for whom a delegate voted), who is still awaited, and —
 * for someone awaited — the vote buttons with a comment box.
 */
export function ApprovalPanel(props: {
  processId: number
  version: number
  approval: ApprovalView
  canVote: boolean
}) {
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const page = usePage<{ errors?: Record<string, string> }>()
  const { approval } = props
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const policy =
    typeof approval.policy === 'string'
      ? t(`processes.approval.policy.${approval.policy}`)
      : t('processes.approval.policy.quorum', { count: approval.policy.quorum })

  const vote = (decision: 'approve' | 'reject') => {
    setBusy(true)
    router.post(
      urlFor('processes.votes.store', { id: props.processId }),
      {
        decision,
        comment: comment || undefined,
        idempotencyKey: commandKey(`vote-${decision}`, props.processId, props.version),
      },
      { preserveScroll: true, onFinish: () => setBusy(false) }
    )
  }

  const votes = (list: VoteView[]) =>
    list.length === 0 ? (
      <p className="muted">{t('processes.approval.none')}</p>
    ) : (
      <ul className="approval-votes">
        {list.map((v) => (
          <li key={`${v.user.id}-${v.at}`}>
            <strong>{v.by.name}</strong>
            {v.onBehalfOf && (
              <span className="muted">
                {' '}
                ({t('processes.approval.onBehalf', { name: v.onBehalfOf.name })})
              </span>
            )}
            {v.comment && <Markdown text={v.comment} />}
          </li>
        ))}
      </ul>
    )

  const error = page.props.errors?.comment
  return (
    <div className="approval">
      <p>{policy}</p>
      {approval.decided && (
        <p className="approval-decided">
          <strong>{t(`processes.approval.decided.${approval.decided}`)}</strong>
        </p>
      )}
      <h3>{t('processes.approval.approvals')}</h3>
      {votes(approval.approvals)}
      <h3>{t('processes.approval.rejections')}</h3>
      {votes(approval.rejections)}
      {approval.decided === null && (
        <>
          <h3>{t('processes.approval.awaiting')}</h3>
          {approval.awaiting.length === 0 ? (
            <p className="muted">{t('processes.approval.none')}</p>
          ) : (
            <ul className="approval-awaiting">
              {approval.awaiting.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.delegate && (
                    <span className="muted">
                      {' '}
                      ({t('processes.approval.delegate', { name: p.delegate.name })})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {props.canVote && (
        <form className="approval-vote" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="vote-comment">{t('processes.approval.comment')}</label>
            <textarea
              id="vote-comment"
              rows={2}
              value={comment}
              aria-invalid={Boolean(error)}
              aria-describedby="vote-comment-hint"
              onChange={(e) => setComment(e.target.value)}
            />
            <span className="hint" id="vote-comment-hint">
              {t('processes.approval.commentHint')}
            </span>
            {error && (
              <span className="error" role="alert">
                {error}
              </span>
            )}
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => vote('approve')}
            >
              {t('processes.approval.approve')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => vote('reject')}>
              {t('processes.approval.reject')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
