import { OUTCOMES, ROLES, STAGE_TYPES } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorField, EditorStage, EditorTransition } from './designer_state.ts'
import {
  ChoiceControl,
  DesignerControl,
  DesignerRowCard,
  RowIdentity,
} from './designer_control.tsx'
import {
  DECISION_SLOTS,
  STAGE_SLOTS,
  isRouteSlot,
  rowLevel,
  useProblems,
} from './designer_problems.tsx'
import { DecisionRoutesEditor } from './decision_routes_editor.tsx'
import { FieldEditor } from './field_editor.tsx'
import { use } from 'react'
import { ExpressionFieldsContext } from './expression_input.tsx'
import { ActionsEditor } from './actions/actions_editor.tsx'
import { isActionSlot } from './actions/action_slots.ts'
import { ApprovalEditor, TeamAssigneeControls } from './approval_editor.tsx'
import { ChildrenEditor } from './children_editor.tsx'
import { EscalationEditor } from './escalation_editor.tsx'

export type StageEditorProps = {
  stage: EditorStage
  index: number
  count: number
  /** All transitions (a decision stage routes to those leaving it). */
  transitions: readonly EditorTransition[]
  onChange: (patch: Partial<Omit<EditorStage, 'uid' | 'fields'>>) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
  onAddField: () => void
  onFieldChange: (fieldIndex: number, patch: Partial<Omit<EditorField, 'uid'>>) => void
  onFieldRemove: (fieldIndex: number) => void
  onClearPart: (part: 'automatic' | 'escalation') => void
}

/**
 * One stage of the designer: its properties, its fields (or, for a
 * decision stage, its routes), buttons to move and remove it, and the
 * verifier's problems next to what they concern.
 */
export function StageEditor(props: StageEditorProps) {
  const { t } = useI18n()
  const problems = useProblems()
  const { stage, index } = props
  const slots = problems.stage.get(index)
  const at = (slot: string) => slots?.get(slot) ?? []
  const decision = stage.type === 'decision'
  const general = rowLevel(
    slots,
    decision
      ? (slot) => DECISION_SLOTS.includes(slot) || isRouteSlot(slot)
      : (slot) => STAGE_SLOTS.includes(slot) || isActionSlot(slot)
  )
  const fieldKeys = use(ExpressionFieldsContext).map((field) => field.key)
  const id = (slot: string) => `stage-${stage.uid}-${slot}`
  const title = stage.name.trim() || stage.key.trim() || t('designer.stage.untitled')
  const end = stage.type === 'end'
  const hasProblems =
    Boolean(slots?.size) ||
    (!decision && props.stage.fields.some((_, f) => problems.field.has(`${index}.${f}`)))

  return (
    <DesignerRowCard
      className="wf-stage"
      headingId={id('heading')}
      index={index}
      title={title}
      badge={
        <span className={`badge wf-type-${stage.type}`}>
          {STAGE_TYPES.includes(stage.type as never)
            ? t(`workflows.stageTypes.${stage.type}`)
            : stage.type}
        </span>
      }
      toolsLabel={t('designer.stage.tools', { name: title })}
      tools={
        <>
          <button
            type="button"
            className="btn btn-sm"
            id={id('up')}
            disabled={index === 0}
            aria-label={t('designer.stage.moveUp', { name: title })}
            onClick={() => props.onMove(-1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="btn btn-sm"
            id={id('down')}
            disabled={index === props.count - 1}
            aria-label={t('designer.stage.moveDown', { name: title })}
            onClick={() => props.onMove(1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger"
            aria-label={t('designer.stage.remove', { name: title })}
            onClick={props.onRemove}
          >
            {t('designer.remove')}
          </button>
        </>
      }
      general={general}
      generalId={id('general-problems')}
      hasProblems={hasProblems}
      dataRow={index}
    >
      <div className="wf-grid">
        <RowIdentity
          id={id}
          problems={at}
          prefix="designer.stage"
          nameSlot="name"
          row={stage}
          types={{ values: STAGE_TYPES, labelOf: (type) => t(`workflows.stageTypes.${type}`) }}
          onChange={props.onChange}
        />
        {decision ? null : end ? (
          <ChoiceControl
            id={id('outcome')}
            label={t('designer.stage.outcome')}
            problems={at('outcome')}
            values={OUTCOMES}
            labelOf={(outcome) => t(`workflows.outcomes.${outcome}`)}
            none={t('designer.choose')}
            value={stage.outcome}
            onChange={(outcome) => props.onChange({ outcome })}
          />
        ) : (
          <DesignerControl
            id={id('sla')}
            label={t('designer.stage.sla')}
            problems={at('sla')}
            hint={t('designer.stage.slaHint')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="wf-mono"
                spellCheck={false}
                autoCapitalize="off"
                placeholder="2d"
                value={stage.sla}
                onChange={(event) => props.onChange({ sla: event.target.value })}
              />
            )}
          </DesignerControl>
        )}
        {!end && !decision && (
          <ChoiceControl
            id={id('slaClock')}
            label={t('designer.stage.slaClock')}
            problems={at('slaClock')}
            values={['paused']}
            labelOf={() => t('designer.stage.slaClockPaused')}
            none={t('designer.stage.slaClockRuns')}
            value={stage.slaClock}
            onChange={(slaClock) => props.onChange({ slaClock })}
          />
        )}
        {!end && !decision && (
          <ChoiceControl
            id={id('assignee-role')}
            label={t('designer.stage.assigneeRole')}
            problems={at('assignee.role')}
            values={ROLES}
            labelOf={(role) => t(`roles.${role}`)}
            none={t('designer.stage.anyone')}
            value={stage.assigneeRole}
            onChange={(assigneeRole) => props.onChange({ assigneeRole })}
          />
        )}
        {!end && !decision && (
          <DesignerControl
            id={id('assignee-user')}
            label={t('designer.stage.assigneeUser')}
            problems={at('assignee.user')}
            hint={t('designer.stage.assigneeUserHint')}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="off"
                value={stage.assigneeUser}
                onChange={(event) => props.onChange({ assigneeUser: event.target.value })}
              />
            )}
          </DesignerControl>
        )}
        {!end && !decision && (
          <TeamAssigneeControls stage={stage} id={id} problems={at} onChange={props.onChange} />
        )}
      </div>

      {!end && !decision && (
        <ApprovalEditor
          stage={stage}
          stageTitle={title}
          transitions={props.transitions}
          id={id}
          problems={at}
          onChange={(approval) => props.onChange({ approval })}
        />
      )}

      {!end && !decision && (stage.escalation || stage.sla.trim() !== '') && (
        <EscalationEditor
          stage={stage}
          stageTitle={title}
          transitions={props.transitions}
          id={id}
          problems={at}
          onChange={(escalation) => props.onChange({ escalation })}
        />
      )}

      {!end && !decision && (
        <ChildrenEditor
          stage={stage}
          stageTitle={title}
          transitions={props.transitions}
          id={id}
          problems={at}
          onChange={(children) => props.onChange({ children })}
        />
      )}

      {decision && (
        <DecisionRoutesEditor
          stage={stage}
          stageTitle={title}
          transitions={props.transitions}
          id={id}
          problems={at}
          onChange={props.onChange}
        />
      )}

      {!decision && (stage.automatic || (end && stage.escalation)) && (
        <ul className="wf-preserved">
          {stage.automatic && (
            <li>
              {t('designer.stage.automatic', {
                after: stage.automatic.after,
                transition: stage.automatic.transition,
              })}{' '}
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => props.onClearPart('automatic')}
              >
                {t('designer.remove')}
              </button>
            </li>
          )}
          {end && stage.escalation && (
            <li>
              {t('designer.stage.escalation')}{' '}
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => props.onClearPart('escalation')}
              >
                {t('designer.remove')}
              </button>
            </li>
          )}
        </ul>
      )}

      {!decision && (
        <div className="wf-fields">
          <h4>{t('designer.fields.title')}</h4>
          {stage.fields.length === 0 && <p className="wf-muted">{t('designer.fields.none')}</p>}
          {stage.fields.map((field, fieldIndex) => (
            <FieldEditor
              key={field.uid}
              field={field}
              stageIndex={index}
              index={fieldIndex}
              stageTitle={title}
              onChange={(patch) => props.onFieldChange(fieldIndex, patch)}
              onRemove={() => props.onFieldRemove(fieldIndex)}
            />
          ))}
          <button
            type="button"
            className="btn btn-sm"
            id={id('add-field')}
            onClick={props.onAddField}
          >
            {t('designer.fields.add', { stage: title })}
          </button>
        </div>
      )}

      {!decision && (
        <ActionsEditor
          idPrefix={id('')}
          owner={title}
          actions={stage.actions}
          problems={at}
          transitionKeys={props.transitions
            .filter((transition) => transition.from === stage.key && transition.key !== '')
            .map((transition) => transition.key)}
          fields={fieldKeys}
          takenKeys={[stage, ...props.transitions].flatMap((row) =>
            (row.actions ?? []).map((action) => action.key)
          )}
          onChange={(actions) => props.onChange({ actions })}
        />
      )}
    </DesignerRowCard>
  )
}
