import { useI18n } from '../../../lib/i18n.ts'
import type { RetrySettings } from '#engine/definition'
import { TextInput, type ActionScope } from './action_inputs.tsx'

/** Attempts, per-attempt timeout and first back-off of a step or a call. */
export function RetryInputs(props: {
  scope: ActionScope
  prefix: string
  value: RetrySettings
  onChange(patch: Record<string, unknown>): void
}) {
  const { t } = useI18n()
  const { scope, prefix, value } = props
  return (
    <>
      <TextInput
        scope={scope}
        slot={`${prefix}attempts`}
        label={t('designer.actions.attempts')}
        type="number"
        value={value.attempts}
        onChange={(text) => props.onChange({ attempts: text === '' ? undefined : Number(text) })}
      />
      <TextInput
        scope={scope}
        slot={`${prefix}timeout`}
        label={t('designer.actions.timeout')}
        hint={t('designer.actions.durationHint')}
        mono
        placeholder="10s"
        value={value.timeout}
        onChange={(timeout) => props.onChange({ timeout })}
      />
      <TextInput
        scope={scope}
        slot={`${prefix}backoff`}
        label={t('designer.actions.backoff')}
        hint={t('designer.actions.backoffHint')}
        mono
        placeholder="1s"
        value={value.backoff}
        onChange={(backoff) => props.onChange({ backoff })}
      />
    </>
  )
}
