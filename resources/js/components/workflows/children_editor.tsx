import { use } from 'react'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorChildren, EditorStage, EditorTransition } from './designer_state.ts'
import { blankChildren, newChildData } from './designer_state.ts'
import { ChoiceControl, DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import { KeyPicker } from './designer_pickers.tsx'
import { useDesignerChoices, type DesignerChoice } from './designer_choices.ts'
import { OptionalStageSection, leavingChoices } from './optional_stage_section.tsx'
import { ExpressionFieldsContext } from './expression_input.tsx'

/** A CEL input of the children settings (over `data`, `item`, `index`): monospaced, no spell-check. */
function CelInput(props: {
  id: string
  label: string
  hint?: string
  problems?: readonly DesignerProblem[]
  placeholder?: string
  value: string
  onChange(value: string): void
}) {
  return (
    <DesignerControl id={props.id} label={props.label} hint={props.hint} problems={props.problems}>
      {(control) => (
        <input
          {...control}
          type="text"
          className="wf-mono"
          spellCheck={false}
          autoCapitalize="off"
          placeholder={props.placeholder}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </DesignerControl>
  )
}

/**
 * A stage's child processes (`children`): which workflow, how many (one
 * per item of a list, or a number), each child's title and data, what to
 * wait for, and the transitions taken when done or when children fail.
 */
export function ChildrenEditor(props: {
  stage: EditorStage
  stageTitle: string
  transitions: readonly EditorTransition[]
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (children: EditorChildren | undefined) => void
}) {
  const { t } = useI18n()
  const { childWorkflows } = useDesignerChoices()
  const listFields: DesignerChoice[] = use(ExpressionFieldsContext)
    .filter((field) => field.type === 'list')
    .map((field) => ({ key: field.key, name: field.label || field.key }))
  const { stage, id, problems } = props
  const children = stage.children
  const leaving = leavingChoices(stage, props.transitions)
  const set = (patch: Partial<EditorChildren>) => props.onChange({ ...children!, ...patch })

  return (
    <OptionalStageSection
      name="children"
      id={id}
      stageTitle={props.stageTitle}
      present={!!children}
      onAdd={() => props.onChange(blankChildren(stage, props.transitions))}
      onRemove={() => props.onChange(undefined)}
    >
      {children && (
        <>
          <div className="wf-grid">
            <KeyPicker
              id={id('children-workflow')}
              label={t('designer_people.children.workflow')}
              hint={t('designer_people.children.workflowHint')}
              problems={problems('children.workflow')}
              choices={childWorkflows}
              none={t('designer.choose')}
              value={children.workflow}
              onChange={(workflow) => set({ workflow })}
            />
            <ChoiceControl
              id={id('children-how')}
              label={t('designer_people.children.how')}
              values={['forEach', 'count']}
              labelOf={(how) => t(`designer_people.children.hows.${how}`)}
              value={children.how}
              onChange={(how) => set({ how: how as EditorChildren['how'] })}
            />
            {children.how === 'forEach' ? (
              <CelInput
                id={id('children-forEach')}
                label={t('designer_people.children.forEach')}
                hint={t('designer_people.children.forEachHint')}
                problems={problems('children.forEach')}
                placeholder="data.items"
                value={children.forEach}
                onChange={(forEach) => set({ forEach })}
              />
            ) : (
              <DesignerControl
                id={id('children-count')}
                label={t('designer_people.children.count')}
                problems={problems('children.count')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={1}
                    step={1}
                    value={children.count}
                    onChange={(event) => set({ count: event.target.value })}
                  />
                )}
              </DesignerControl>
            )}
            <CelInput
              id={id('children-title')}
              label={t('designer_people.children.childTitle')}
              hint={t('designer_people.children.childTitleHint')}
              problems={problems('children.title')}
              value={children.title}
              onChange={(title) => set({ title })}
            />
            <ChoiceControl
              id={id('children-wait')}
              label={t('designer_people.children.wait')}
              problems={problems('children.wait')}
              values={['all', 'any', 'quorum']}
              labelOf={(wait) => t(`designer_people.children.waits.${wait}`)}
              value={children.wait || 'all'}
              onChange={(wait) => set({ wait: wait as EditorChildren['wait'] })}
            />
            {children.wait === 'quorum' && (
              <DesignerControl
                id={id('children-quorum')}
                label={t('designer_people.children.quorum')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={1}
                    step={1}
                    value={children.quorum}
                    onChange={(event) => set({ quorum: event.target.value })}
                  />
                )}
              </DesignerControl>
            )}
            <KeyPicker
              id={id('children-onComplete')}
              label={t('designer_people.children.onComplete')}
              problems={problems('children.onComplete')}
              choices={leaving}
              none={t('designer.choose')}
              value={children.onComplete}
              onChange={(onComplete) => set({ onComplete })}
            />
            <KeyPicker
              id={id('children-onChildFailure')}
              label={t('designer_people.children.onChildFailure')}
              hint={t('designer_people.children.onChildFailureHint')}
              problems={problems('children.onChildFailure')}
              choices={leaving}
              none={t('designer_people.children.failureNone')}
              extra={[{ key: 'ignore', name: t('designer_people.children.failureIgnore') }]}
              value={children.onChildFailure}
              onChange={(onChildFailure) => set({ onChildFailure })}
            />
            <KeyPicker
              id={id('children-collect')}
              label={t('designer_people.children.collect')}
              hint={t('designer_people.children.collectHint')}
              problems={problems('children.collect')}
              choices={listFields}
              none={t('designer_people.children.collectNone')}
              value={children.collect}
              onChange={(collect) => set({ collect })}
            />
          </div>

          <fieldset className="wf-children-data">
            <legend>{t('designer_people.children.data')}</legend>
            <span className="hint" id={id('children-data-hint')}>
              {t('designer_people.children.dataHint')}
            </span>
            <InlineProblems
              id={id('children-data-problems')}
              problems={problems('children.data')}
            />
            {children.data.length === 0 && (
              <p className="wf-muted">{t('designer_people.children.noData')}</p>
            )}
            {children.data.map((entry, index) => (
              <div key={entry.uid} className="wf-grid">
                <DesignerControl
                  id={id(`children-data-${index}-field`)}
                  label={t('designer_people.children.dataField', { number: index + 1 })}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      className="wf-mono"
                      spellCheck={false}
                      value={entry.field}
                      onChange={(event) =>
                        set({
                          data: children.data.map((other, i) =>
                            i === index ? { ...other, field: event.target.value } : other
                          ),
                        })
                      }
                    />
                  )}
                </DesignerControl>
                <CelInput
                  id={id(`children-data-${index}-expression`)}
                  label={t('designer_people.children.dataExpression', { number: index + 1 })}
                  placeholder="item.sku"
                  value={entry.expression}
                  onChange={(expression) =>
                    set({
                      data: children.data.map((other, i) =>
                        i === index ? { ...other, expression } : other
                      ),
                    })
                  }
                />
                <div className="wf-field-remove">
                  <button
                    type="button"
                    className="btn btn-sm btn-danger"
                    aria-label={t('designer_people.children.dataRemove', { number: index + 1 })}
                    onClick={() => set({ data: children.data.filter((_, i) => i !== index) })}
                  >
                    {t('designer.remove')}
                  </button>
                </div>
              </div>
            ))}
            <button
              type="button"
              className="btn btn-sm"
              id={id('children-data')}
              aria-describedby={id('children-data-hint')}
              onClick={() => set({ data: [...children.data, newChildData()] })}
            >
              {t('designer_people.children.dataAdd')}
            </button>
          </fieldset>
        </>
      )}
    </OptionalStageSection>
  )
}
