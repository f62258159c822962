import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'
import { DueDate, Person, PriorityBadge, StatusBadge } from '../../components/processes/badges.tsx'
import { WaitingOn, type Wait } from '../../components/processes/waiting_on.tsx'
import { ActionSteps, type ProcessAutomation } from '../../components/processes/action_steps.tsx'
import { TransitionPanel } from '../../components/processes/transition_panel.tsx'
import { DataForm } from '../../components/processes/data_form.tsx'
import { Assignment } from '../../components/processes/assignment.tsx'
import { CancelProcess } from '../../components/processes/cancel_process.tsx'
import { CommentForm } from '../../components/processes/comment_form.tsx'
import { Timeline } from '../../components/processes/timeline.tsx'
import { Attachments } from '../../components/processes/attachments.tsx'
import { ConflictNotice, type Conflict } from '../../components/processes/conflict_notice.tsx'
import {
  commandOptions,
  useCommandKey,
  type CommandOutcome,
  type ReturnedPage,
} from '../../components/processes/command.ts'
import { ApprovalPanel, type ApprovalView } from '../../components/processes/approval_panel.tsx'
import { WorkflowDiagram } from '../../components/canvas/workflow_diagram.tsx'
import { useLiveChannel } from '../../components/notifications/live_channel.ts'
import {
  ParentCrumb,
  ProcessFamily,
  childStarts,
  type Family,
} from '../../components/processes/process_family.tsx'

type Props = InertiaProps<{
  process: Data.ProcessPage.Variants['forPage']
  timeline: Data.ProcessActivity[]
  timelineTotal: number
  timelineLimit: number
  timelineOlderUrl: string | null
  timelineLatestUrl: string | null
  people: Data.Person[]
  automation?: ProcessAutomation
  family: Family
  allowed: {
    transition: boolean
    updateData: boolean
    claim: boolean
    release: boolean
    assign: boolean
    cancel: boolean
    comment: boolean
    vote: boolean
    claimFromQueue: boolean
  }
}>

const versionIn = (page: ReturnedPage) =>
  (page.props.process as { version?: number } | undefined)?.version

export default function ProcessShow(props: Props) {
  const { process, allowed: can, people, user } = props
  const { t, formatDateTime } = useI18n()
  const commandKey = useCommandKey()
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const fields = process.fieldGroups.flatMap((g) => g.fields)

  // Someone else changed this process: show the fresh state (typed input in
  // forms is kept, the props refresh underneath).
  useLiveChannel(`processes/${process.id}`, (message) => {
    if (typeof message.version === 'number' && message.version <= process.version) return
    router.reload({ only: ['process'] })
  })

  // After any command: a conflict gets its own explanation next to the
  // (already refreshed) process; anything else clears an old one.
  const onOutcome = (outcome: CommandOutcome, page: ReturnedPage) => {
    if (outcome === 'conflict') {
      const fresh = page.props.process as Props['process']
      setConflict({ reference: fresh.reference, stage: fresh.stage.name, version: fresh.version })
    } else if (outcome === 'done') {
      setConflict(null)
    }
  }
  const command = { versionIn, onOutcome }
  const claimFromQueue = can.claimFromQueue
    ? () =>
        router.post(
          urlFor('processes.claim', { id: process.id }),
          { idempotencyKey: commandKey('claim', process.id, process.version) },
          commandOptions({ expectedVersion: process.version, ...command })
        )
    : undefined
  const approval = process.approval as ApprovalView | null
  const claim = can.claim
    ? () =>
        router.post(
          urlFor('processes.assign', { id: process.id }),
          {
            assigneeId: user?.id ?? null,
            expectedVersion: process.version,
            idempotencyKey: commandKey(`assign-${user?.id ?? null}`, process.id, process.version),
          },
          commandOptions({ expectedVersion: process.version, ...command })
        )
    : undefined

  return (
    <>
      <Head title={`${process.reference} · ${process.title}`} />
      <nav className="breadcrumbs" aria-label={t('processes.show.breadcrumbs')}>
        <Link href={urlFor('processes.index')}>{t('nav.processes')}</Link>
        <span aria-hidden="true"> / </span>
        <Link href={urlFor('board.show', { key: process.workflow.key })}>
          {process.workflow.name}
        </Link>
        <ParentCrumb family={props.family} />
      </nav>

      <header className="process-header">
        <div className="process-heading">
          <span className="process-ref">{process.reference}</span>
          <h1>{process.title}</h1>
          <div className="badges">
            <span className="badge badge-stage">{process.stage.name}</span>
            <StatusBadge status={process.status} />
            <PriorityBadge priority={process.priority} />
          </div>
        </div>
        <dl className="process-facts">
          <div>
            <dt>{t('processes.columns.assignee')}</dt>
            <dd>
              <Person person={process.assignee} />
            </dd>
          </div>
          <div>
            <dt>{t('processes.columns.due')}</dt>
            <dd>
              <DueDate dueAt={process.dueAt} overdue={process.overdue} />
            </dd>
          </div>
          <div>
            <dt>{t('processes.columns.workflow')}</dt>
            <dd>
              {process.workflow.name}
              {process.workflowVersion.number !== null && (
                <span className="muted">
                  {' '}
                  · {t('processes.show.version', { number: process.workflowVersion.number })}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('processes.show.started')}</dt>
            <dd>
              {formatDateTime(process.createdAt)}
              {process.creator && (
                <span className="muted">
                  {' '}
                  · {t('processes.show.by', { name: process.creator.name })}
                </span>
              )}
            </dd>
          </div>
        </dl>
      </header>

      {conflict && <ConflictNotice conflict={conflict} onDismiss={() => setConflict(null)} />}

      <WaitingOn
        waits={[...process.waits, ...props.family.waits] as Wait[]}
        onClaim={claim}
        onClaimFromQueue={claimFromQueue}
      />

      <div className="process-layout">
        <div className="process-main">
          {process.status === 'active' && (
            <section className="card area-next" aria-labelledby="next-steps">
              <h2 id="next-steps">{t('processes.transition.title')}</h2>
              {can.transition ? (
                <TransitionPanel
                  key={process.version}
                  process={process}
                  transitions={process.availableTransitions}
                  fields={fields}
                  people={people}
                  {...command}
                />
              ) : (
                <p className="muted">{t('processes.transition.notAllowed')}</p>
              )}
            </section>
          )}

          {approval && (
            <section className="card area-approval" aria-labelledby="approval-title">
              <h2 id="approval-title">{t('processes.approval.title')}</h2>
              <ApprovalPanel
                key={process.version}
                processId={process.id}
                version={process.version}
                approval={approval}
                canVote={can.vote}
              />
            </section>
          )}

          <section className="card area-data" aria-labelledby="data-title">
            <h2 id="data-title">{t('processes.data.title')}</h2>
            <DataForm
              key={process.version}
              process={{ ...process, stageKey: process.stage.key }}
              groups={process.fieldGroups}
              definition={process.definition}
              people={people}
              editable={can.updateData}
              {...command}
            />
          </section>

          <section className="card area-activity" aria-labelledby="activity-title">
            <div className="section-header">
              <h2 id="activity-title">{t('processes.timeline.title')}</h2>
              <div className="export-links">
                <span className="muted">{t('processes.timeline.export')}</span>
                <a
                  className="btn btn-sm"
                  href={urlFor('processes.timeline', { id: process.id }, { qs: { format: 'csv' } })}
                  download
                >
                  CSV
                </a>
                <a
                  className="btn btn-sm"
                  href={urlFor(
                    'processes.timeline',
                    { id: process.id },
                    { qs: { format: 'json' } }
                  )}
                  download
                >
                  JSON
                </a>
              </div>
            </div>
            <ActionSteps automation={props.automation} />
            {can.comment && <CommentForm process={process} {...command} />}
            <Timeline
              events={[...props.timeline, ...childStarts(props.family)].sort((a, b) =>
                b.occurredAt.localeCompare(a.occurredAt)
              )}
              fields={fields}
              people={people}
            />
            {props.timelineTotal > props.timeline.length && (
              <p className="muted">
                {t('processes.timeline.truncated', {
                  shown: props.timeline.length,
                  total: props.timelineTotal,
                })}
              </p>
            )}
            {(props.timelineOlderUrl || props.timelineLatestUrl) && (
              <nav className="pagination" aria-label={t('processes.timeline.pages')}>
                {props.timelineLatestUrl && (
                  <Link className="btn btn-sm" href={props.timelineLatestUrl} preserveScroll>
                    {t('processes.timeline.latest')}
                  </Link>
                )}
                {props.timelineOlderUrl && (
                  <Link className="btn btn-sm" href={props.timelineOlderUrl} preserveScroll>
                    {t('processes.timeline.older')}
                  </Link>
                )}
              </nav>
            )}
          </section>
        </div>

        <div className="process-aside">
          <ProcessFamily family={props.family} process={process} />

          <section className="card area-assignee" aria-labelledby="assignee-title">
            <h2 id="assignee-title">{t('processes.assign.title')}</h2>
            <Assignment process={process} can={can} people={people} me={user?.id} {...command} />
          </section>

          <section className="card area-attachments" aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t('scaleout.attachments.title')}</h2>
            <Attachments process={process} canUpload={can.comment} />
          </section>

          {process.definition && (
            <section className="card area-diagram" aria-labelledby="diagram-title">
              <h2 id="diagram-title">{t('processes.show.workflow')}</h2>
              <WorkflowDiagram definition={process.definition} currentStage={process.stage.key} />
            </section>
          )}

          {can.cancel && (
            <section className="card danger-zone area-cancel" aria-labelledby="cancel-title">
              <h2 id="cancel-title">{t('processes.cancel.sectionTitle')}</h2>
              <p className="muted">{t('processes.cancel.sectionBody')}</p>
              <CancelProcess process={process} {...command} />
            </section>
          )}
        </div>
      </div>
    </>
  )
}
