import { Link } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import { StatusBadge } from './badges.tsx'
import type { TimelineEvent } from './timeline.tsx'

export type Family = Data.ProcessFamily

type Member = Family['children'][number] | NonNullable<Family['parent']>

function MemberLine(props: { member: Member; current?: boolean }) {
  const { member } = props
  return (
    <span className="family-member">
      {props.current ? (
        <strong aria-current="page">
          {member.reference} · {member.title}
        </strong>
      ) : (
        <Link href={urlFor('processes.show', { id: member.id })}>
          {member.reference} · {member.title}
        </Link>
      )}{' '}
      <span className="muted">
        {member.workflowName} · {member.stageName}
      </span>{' '}
      <StatusBadge status={member.status} />
    </span>
  )
}

/**
 * The process with its parent and children as a tree (nested lists, so a
 * screen reader announces the levels), each with its stage and status and
 * a link to its page.
 */
export function ProcessFamily(props: {
  family: Family
  process: { id: number; reference: string; title: string }
}) {
  const { t } = useI18n()
  const { parent, children } = props.family
  if (!parent && children.length === 0) return null
  const self = (
    <li>
      <span className="family-member">
        <strong aria-current="page">
          {props.process.reference} · {props.process.title}
        </strong>
      </span>
      {children.length > 0 && (
        <ul aria-label={t('processes.family.children')}>
          {children.map((child) => (
            <li key={child.id}>
              <MemberLine member={child} />
            </li>
          ))}
        </ul>
      )}
    </li>
  )
  return (
    <section className="card area-family" aria-labelledby="family-title">
      <h2 id="family-title">{t('processes.family.title')}</h2>
      <ul className="family-tree">
        {parent ? (
          <li>
            <MemberLine member={parent} />
            <ul>{self}</ul>
          </li>
        ) : (
          self
        )}
      </ul>
    </section>
  )
}

/** The breadcrumb link to a child's parent. */
export function ParentCrumb(props: { family: Family }) {
  const { t } = useI18n()
  const { parent } = props.family
  if (!parent) return null
  return (
    <>
      <span aria-hidden="true"> / </span>
      <Link href={urlFor('processes.show', { id: parent.id })}>
        {t('processes.family.parentCrumb', { reference: parent.reference })}
      </Link>
    </>
  )
}

/**
 * The children's starts as timeline entries (derived from the children,
 * not events of the parent: starting them does not change the parent).
 */
export function childStarts(family: Family): TimelineEvent[] {
  return family.children.map((child) => ({
    id: -child.id,
    sequence: 0,
    type: 'child_started',
    fromStage: null,
    toStage: null,
    fromStageName: null,
    toStageName: null,
    transitionLabel: null,
    payloadStageName: null,
    route: null,
    actor: null,
    assignee: null,
    payload: { reference: child.reference, title: child.title, childId: child.id },
    occurredAt: child.createdAt,
  }))
}
