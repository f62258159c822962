import { useState } from 'react'
import { ROLES } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import { PROCESS_MEMBERS, namesUsed, type ExpressionField } from './expression_completion.ts'
import { tryExpression, type Samples } from './expression_try.ts'

/**
 * Sample values for what a condition reads (inputs typed by field type)
 * and its result on them, evaluated in the browser by the engine.
 */
export function ExpressionTryIt(props: {
  id: string
  label: string
  source: string
  fields: readonly ExpressionField[]
}) {
  const { t } = useI18n()
  const [samples, setSamples] = useState<Samples>({})
  const set = (name: string, value: string | string[]) =>
    setSamples((current) => ({ ...current, [name]: value }))

  const used = namesUsed(props.source)
  const byKey = new Map<string, ExpressionField>()
  for (const field of props.fields) if (!byKey.has(field.key)) byKey.set(field.key, field)
  const dataFields = used.data.flatMap((key) => byKey.get(key) ?? [])
  const nothingToFill = dataFields.length + used.process.length + used.user.length === 0
  const source = props.source.trim()
  const result = source ? tryExpression(source, props.fields, samples) : null
  const inputId = (name: string) => `${props.id}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`

  return (
    <fieldset className="wf-try">
      <legend>{t('designer.tryIt.legend', { label: props.label })}</legend>
      {source && nothingToFill && <p className="hint">{t('designer.tryIt.nothingToFill')}</p>}
      <div className="wf-try-grid">
        {dataFields.map((field) => (
          <SampleInput
            key={`data.${field.key}`}
            id={inputId(`data.${field.key}`)}
            name={`data.${field.key}`}
            field={field}
            value={samples[`data.${field.key}`]}
            onChange={(value) => set(`data.${field.key}`, value)}
          />
        ))}
        {used.process.map((member) => {
          const name = `process.${member}`
          const time = PROCESS_MEMBERS[member as keyof typeof PROCESS_MEMBERS] === 'timestamp'
          return (
            <div className="field" key={name}>
              <label htmlFor={inputId(name)} className="wf-mono">
                {name}
              </label>
              <input
                id={inputId(name)}
                type={time ? 'datetime-local' : 'text'}
                value={typeof samples[name] === 'string' ? samples[name] : ''}
                onChange={(event) => set(name, event.target.value)}
              />
            </div>
          )
        })}
        {used.user.map((member) => {
          const name = `user.${member}`
          const value = typeof samples[name] === 'string' ? samples[name] : ''
          return (
            <div className="field" key={name}>
              <label htmlFor={inputId(name)} className="wf-mono">
                {name}
              </label>
              {member === 'role' ? (
                <select
                  id={inputId(name)}
                  value={value}
                  onChange={(event) => set(name, event.target.value)}
                >
                  <option value="">{t('designer.tryIt.noValue')}</option>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={inputId(name)}
                  type={member === 'teams' ? 'text' : 'email'}
                  placeholder={member === 'teams' ? 'finance, hr' : undefined}
                  value={value}
                  onChange={(event) => set(name, event.target.value)}
                />
              )}
            </div>
          )
        })}
      </div>
      <p
        className={`wf-try-result${result ? ` is-${result.kind === 'value' ? String(result.value) : result.kind}` : ''}`}
        role="status"
        id={`${props.id}-result`}
      >
        {result === null && t('designer.tryIt.empty')}
        {result?.kind === 'value' && (
          <>
            {t('designer.tryIt.result')} <strong className="wf-mono">{String(result.value)}</strong>{' '}
            — {t(result.value ? 'designer.tryIt.holds' : 'designer.tryIt.doesNotHold')}
          </>
        )}
        {result?.kind === 'failed' && (
          <>
            {t('designer.tryIt.failed')} <code>{result.message}</code>
          </>
        )}
        {result?.kind === 'invalid' && (
          <>
            {t('designer.tryIt.invalid')} <code>{result.message}</code>
          </>
        )}
      </p>
    </fieldset>
  )
}

/** An input for one field's sample value, of the kind its type calls for. */
function SampleInput(props: {
  id: string
  name: string
  field: ExpressionField
  value: string | string[] | undefined
  onChange(value: string | string[]): void
}) {
  const { t } = useI18n()
  const { field } = props
  const text = typeof props.value === 'string' ? props.value : ''
  const typeLabel = t(`designer.fieldTypes.${field.type}`)
  const label = (
    <>
      <span className="wf-mono">{props.name}</span>{' '}
      <span className="wf-muted">
        ({field.type === 'money' && field.currency ? `${typeLabel}, ${field.currency}` : typeLabel})
      </span>
    </>
  )

  if (field.type === 'multiselect') {
    const chosen = Array.isArray(props.value) ? props.value : []
    return (
      <fieldset className="wf-choices">
        <legend>{label}</legend>
        {field.options.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) =>
                props.onChange(
                  event.target.checked
                    ? [...chosen, option]
                    : chosen.filter((item) => item !== option)
                )
              }
            />
            {option}
          </label>
        ))}
      </fieldset>
    )
  }

  const choices =
    field.type === 'boolean'
      ? [
          { value: 'true', label: t('designer.tryIt.yes') },
          { value: 'false', label: t('designer.tryIt.no') },
        ]
      : field.type === 'select'
        ? field.options.map((option) => ({ value: option, label: option }))
        : null
  const inputType =
    field.type === 'number' || field.type === 'money'
      ? 'number'
      : field.type === 'date'
        ? 'date'
        : field.type === 'email'
          ? 'email'
          : 'text'

  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      {choices ? (
        <select id={props.id} value={text} onChange={(event) => props.onChange(event.target.value)}>
          <option value="">{t('designer.tryIt.noValue')}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={props.id}
          type={inputType}
          step={inputType === 'number' ? 'any' : undefined}
          value={text}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </div>
  )
}
