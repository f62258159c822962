import { Head, Link, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../../components/ui/field.tsx'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { DataField } from '../../components/processes/data_field.tsx'
import {
  draftData,
  fieldState,
  isBlank,
  toFormValue,
  toSent,
  type FieldDef,
  type FormValue,
} from '../../components/processes/field_values.ts'
import { PRIORITIES } from '../../components/processes/process_filters.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{
  workflows: Data.WorkflowOption.Variants['forStart'][]
  people: Data.Person[]
  selected: string | null
}>

/**
 * Start a process: the workflow, a title, priority and (optionally) who
 * takes it, plus the start stage's own fields (pre-filled with their
 * defaults, shown or hidden by their `visibleWhen` as the user types). It
 * starts on the latest published version; the process page opens next.
 */
export default function ProcessesCreate({ workflows, people, selected }: Props) {
  const { t } = useI18n()
  const form = useForm({
    workflow: selected ?? workflows[0]?.key ?? '',
    title: '',
    priority: 'normal',
    assignee: '',
    data: {} as Record<string, FormValue>,
  })
  const workflow = workflows.find((w) => w.key === form.data.workflow)
  const startFields = (workflow?.startFields ?? []) as FieldDef[]
  const errors = form.errors as Record<string, string | undefined>
  const defaultOf = (field: FieldDef) => (field as { default?: unknown }).default
  const valueOf = (values: Record<string, FormValue>, field: FieldDef) =>
    values[field.key] ?? toFormValue(field, defaultOf(field))
  const shownValues = Object.fromEntries(
    startFields.map((f) => [f.key, valueOf(form.data.data, f)])
  )
  const draft = draftData(startFields, shownValues, {})
  const stateOf = (field: FieldDef) => fieldState(workflow?.definition, field, draft)

  return (
    <>
      <Head title={t('processes.create.title')} />
      <div className="page-header">
        <div>
          <h1>{t('processes.create.title')}</h1>
          <p>{t('processes.create.subtitle')}</p>
        </div>
      </div>

      {workflows.length === 0 ? (
        <div className="card">
          <EmptyState
            title={t('processes.create.noWorkflows.title')}
            action={
              <Link className="btn" href={urlFor('workflows.index')}>
                {t('processes.create.noWorkflows.action')}
              </Link>
            }
          >
            {t('processes.create.noWorkflows.body')}
          </EmptyState>
        </div>
      ) : (
        <form
          className="card narrow-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((values: typeof form.data) => ({
              workflow: values.workflow,
              title: values.title,
              priority: values.priority,
              assignee: values.assignee ? Number(values.assignee) : null,
              // Shown fields only; a cleared field with a default is sent empty
              // (so it stays empty), other empty ones are left out.
              data: Object.fromEntries(
                startFields
                  .filter((f) => stateOf(f).visible)
                  .map((f) => [f.key, valueOf(values.data, f)] as const)
                  .filter(([key, value]) => {
                    const field = startFields.find((f) => f.key === key)!
                    return !isBlank(value) || defaultOf(field) !== undefined
                  })
                  .map(([key, value]) => [key, toSent(value)])
              ),
            }))
            form.post(urlFor('processes.store'))
          }}
        >
          <Field
            label={t('processes.create.workflow')}
            error={errors.workflow}
            hint={workflow?.description ?? undefined}
          >
            {(control) => (
              <select
                {...control}
                name="workflow"
                value={form.data.workflow}
                onChange={(e) => form.setData('workflow', e.target.value)}
              >
                {workflows.map((w) => (
                  <option key={w.key} value={w.key}>
                    {w.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('processes.create.titleLabel')} error={errors.title}>
            {(control) => (
              <input
                {...control}
                type="text"
                name="title"
                required
                maxLength={200}
                value={form.data.title}
                onChange={(e) => form.setData('title', e.target.value)}
              />
            )}
          </Field>
          <div className="form-row">
            <Field label={t('processes.create.priority')} error={errors.priority}>
              {(control) => (
                <select
                  {...control}
                  name="priority"
                  value={form.data.priority}
                  onChange={(e) => form.setData('priority', e.target.value)}
                >
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`processes.priority.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('processes.create.assignee')}
              error={errors.assignee}
              hint={t('processes.create.assigneeHint')}
            >
              {(control) => (
                <select
                  {...control}
                  name="assignee"
                  value={form.data.assignee}
                  onChange={(e) => form.setData('assignee', e.target.value)}
                >
                  <option value="">{t('processes.create.assigneeDefault')}</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>

          {startFields.length > 0 && (
            <fieldset className="data-group">
              <legend>{t('processes.create.startFields')}</legend>
              <p className="muted">{t('processes.create.startFieldsHint')}</p>
              {startFields
                .filter((field) => stateOf(field).visible)
                .map((field) => (
                  <DataField
                    key={`${form.data.workflow}-${field.key}`}
                    field={field}
                    required={stateOf(field).required}
                    value={shownValues[field.key]!}
                    onChange={(value) =>
                      form.setData('data', { ...form.data.data, [field.key]: value })
                    }
                    error={errors[`data.${field.key}`]}
                    people={people}
                  />
                ))}
            </fieldset>
          )}

          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.processing}>
              {t('processes.create.submit')}
            </button>
            <Link className="btn" href={urlFor('processes.index')}>
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      )}
    </>
  )
}
