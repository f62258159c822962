import { HTTP_METHODS, type HttpAction, type HttpCall } from '#engine/definition'
import { useI18n } from '../../../lib/i18n.ts'
import { ChoiceControl } from '../designer_control.tsx'
import { JsonInput, TextInput, type ActionScope } from './action_inputs.tsx'
import { newCompensation, patchObject, templateVariables } from './action_model.ts'
import { RetryInputs } from './retry_inputs.tsx'

/** Method, URL, headers, body and retries of a call (`prefix` '' or 'compensation.'). */
function CallInputs(props: {
  scope: ActionScope
  prefix: string
  call: HttpCall
  onChange(call: HttpCall): void
}) {
  const { t } = useI18n()
  const { scope, prefix, call } = props
  const vars = (secrets: boolean) =>
    t('designer.actions.variables', {
      list: templateVariables({ fields: scope.fields, steps: scope.steps, secrets }).join(' '),
    })
  const set = (patch: Record<string, unknown>) => props.onChange(patchObject(call, patch))
  return (
    <div className="wf-grid">
      <ChoiceControl
        id={scope.id(`${prefix}method`)}
        label={t('designer.actions.method')}
        problems={scope.problems(`${prefix}method`)}
        values={HTTP_METHODS}
        labelOf={(method) => method}
        value={call.method}
        onChange={(method) => set({ method })}
      />
      <TextInput
        scope={scope}
        slot={`${prefix}url`}
        label={t('designer.actions.url')}
        hint={vars(false)}
        mono
        placeholder="https://"
        value={call.url}
        onChange={(url) => props.onChange({ ...call, url })}
      />
      <JsonInput
        key={`${prefix}headers`}
        scope={scope}
        slot={`${prefix}headers`}
        label={t('designer.actions.headers')}
        hint={`${t('designer.actions.headersHint')} ${vars(true)}`}
        value={call.headers}
        onChange={(headers) => set({ headers })}
      />
      <JsonInput
        key={`${prefix}body`}
        scope={scope}
        slot={`${prefix}body`}
        label={t('designer.actions.body')}
        hint={`${t('designer.actions.bodyHint')} ${vars(false)}`}
        value={call.body}
        onChange={(body) => set({ body })}
      />
      <RetryInputs scope={scope} prefix={prefix} value={call} onChange={set} />
    </div>
  )
}

/** An http step and its optional compensation call. */
export function HttpActionEditor(props: {
  scope: ActionScope
  action: HttpAction
  onChange(action: HttpAction): void
}) {
  const { t } = useI18n()
  const { action, scope } = props
  const { compensation } = action
  return (
    <>
      <CallInputs
        scope={scope}
        prefix=""
        call={action}
        onChange={(call) => props.onChange({ ...action, ...call } as HttpAction)}
      />
      <fieldset className="wf-compensation">
        <legend>{t('designer.actions.compensation')}</legend>
        <p className="hint">{t('designer.actions.compensationHint')}</p>
        {compensation ? (
          <>
            <CallInputs
              scope={scope}
              prefix="compensation."
              call={compensation}
              onChange={(call) => props.onChange({ ...action, compensation: call })}
            />
            <button
              type="button"
              className="btn btn-sm"
              id={scope.id('compensation-remove')}
              onClick={() => props.onChange(patchObject(action, { compensation: undefined }))}
            >
              {t('designer.actions.removeCompensation')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-sm"
            id={scope.id('compensation-add')}
            onClick={() => props.onChange({ ...action, compensation: newCompensation() })}
          >
            {t('designer.actions.addCompensation')}
          </button>
        )}
      </fieldset>
    </>
  )
}
