import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'

type Comparison = Data.WorkflowDiff
type Change = Comparison['workflow'][number]
type Value = Change['before']

const ROLE_PROPERTIES = new Set(['assignee.role', 'escalation.reassignRole'])

/**
 * The structural differences between two versions, grouped by stages,
 * transitions and fields: what was added, removed, and which properties
 * changed (before → after).
 */
export function VersionComparison({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n()

  if (comparison.identical) {
    return <p className="wf-muted">{t('workflows.diff.identical')}</p>
  }

  const translateValue = (
    scope: 'stage' | 'field' | 'transition',
    property: string,
    value: Value
  ) => {
    if (value === null || (Array.isArray(value) && value.length === 0)) {
      return t('workflows.diff.none')
    }
    if (typeof value === 'boolean') return value ? t('workflows.diff.yes') : t('workflows.diff.no')
    if (Array.isArray(value)) {
      return value.map((item) => (property === 'roles' ? t(`roles.${item}`) : item)).join(', ')
    }
    if (scope === 'stage' && property === 'type') return t(`workflows.stageTypes.${value}`)
    if (scope === 'stage' && property === 'outcome') return t(`workflows.outcomes.${value}`)
    if (scope === 'field' && property === 'type') return t(`designer.fieldTypes.${value}`)
    if (ROLE_PROPERTIES.has(property)) return t(`roles.${value}`)
    return String(value)
  }

  const changeList = (scope: 'stage' | 'field' | 'transition' | 'workflow', changes: Change[]) => (
    <ul className="wf-diff-changes">
      {changes.map((change) => (
        <li key={change.property}>
          <span className="wf-diff-property">
            {t(`workflows.diff.properties.${change.property}`)}:
          </span>{' '}
          <del>
            {translateValue(scope === 'workflow' ? 'stage' : scope, change.property, change.before)}
          </del>
          <span aria-hidden="true"> → </span>
          <span className="sr-only"> {t('workflows.diff.becomes')} </span>
          <ins>
            {translateValue(scope === 'workflow' ? 'stage' : scope, change.property, change.after)}
          </ins>
        </li>
      ))}
    </ul>
  )

  const stageName = (ref: { key: string; name: string }) => `${ref.name} (${ref.key})`
  const transitionName = (ref: { key: string; label: string | null; from: string; to: string }) =>
    t('workflows.diff.transitionName', { label: ref.label ?? ref.key, from: ref.from, to: ref.to })
  const fieldName = (ref: { stage: string; key: string; label: string }) =>
    t('workflows.diff.fieldName', { label: ref.label, key: ref.key, stage: ref.stage })

  return (
    <div className="wf-diff">
      {comparison.workflow.length > 0 && (
        <DiffSection title={t('workflows.diff.workflow')}>
          <li className="wf-diff-changed">
            <Marker kind="changed" />
            {changeList('workflow', comparison.workflow)}
          </li>
        </DiffSection>
      )}
      <Group
        title={t('workflows.diff.stages')}
        group={comparison.stages}
        name={stageName}
        changes={(item) => changeList('stage', item.changes)}
      />
      <Group
        title={t('workflows.diff.transitions')}
        group={comparison.transitions}
        name={transitionName}
        changes={(item) => changeList('transition', item.changes)}
      />
      <Group
        title={t('workflows.diff.fields')}
        group={comparison.fields}
        name={fieldName}
        changes={(item) => changeList('field', item.changes)}
      />
    </div>
  )
}

function Group<T, C extends T & { changes: Change[] }>(props: {
  title: string
  group: { added: T[]; removed: T[]; changed: C[] }
  name: (item: T) => string
  changes: (item: C) => ReactNode
}) {
  const { added, removed, changed } = props.group
  if (added.length + removed.length + changed.length === 0) return null
  return (
    <DiffSection title={props.title}>
      {added.map((item, index) => (
        <li key={`a${index}`} className="wf-diff-added">
          <Marker kind="added" />
          {props.name(item)}
        </li>
      ))}
      {removed.map((item, index) => (
        <li key={`r${index}`} className="wf-diff-removed">
          <Marker kind="removed" />
          {props.name(item)}
        </li>
      ))}
      {changed.map((item, index) => (
        <li key={`c${index}`} className="wf-diff-changed">
          <Marker kind="changed" />
          {props.name(item)}
          {props.changes(item)}
        </li>
      ))}
    </DiffSection>
  )
}

function DiffSection(props: { title: string; children: ReactNode }) {
  return (
    <section className="wf-diff-section">
      <h3>{props.title}</h3>
      <ul>{props.children}</ul>
    </section>
  )
}

function Marker({ kind }: { kind: 'added' | 'removed' | 'changed' }) {
  const { t } = useI18n()
  const symbol = { added: '+', removed: '−', changed: '~' }[kind]
  return (
    <span className={`wf-diff-marker wf-diff-marker-${kind}`}>
      <span aria-hidden="true">{symbol}</span> {t(`workflows.diff.${kind}`)}
    </span>
  )
}
