import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'
import { REPORT_KINDS } from './types.ts'

type SelectProps = {
  value: string
  error?: string
  onChange(value: string): void
}

/** Which report: the first choice of both the request and the schedule form. */
export function ReportKindField(props: SelectProps) {
  const { t } = useI18n()
  return (
    <Field label={t('reports.form.kind')} error={props.error}>
      {(c) => (
        <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {REPORT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`reports.kinds.${kind}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** One workflow, or all of them (the empty value). */
export function ReportWorkflowField(
  props: SelectProps & { workflows: { id: number; name: string }[] }
) {
  const { t } = useI18n()
  return (
    <Field label={t('reports.form.workflow')} error={props.error}>
      {(c) => (
        <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{t('reports.form.allWorkflows')}</option>
          {props.workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
