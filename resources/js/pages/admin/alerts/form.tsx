import { Head, Link, useForm } from '@inertiajs/react'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { Field } from '../../../components/ui/field.tsx'
import type { AlertRuleView } from '../../../components/admin/alert_rule.tsx'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{
  rule: AlertRuleView | null
  options: {
    signals: { name: string; unit: string; usesWindow: boolean; trend: boolean }[]
    operators: string[]
    trendOffsets: number[]
  }
}>

const ROLES = ['admin', 'manager', 'member'] as const

type FormData = {
  name: string
  signal: string
  condition: 'threshold' | 'trend'
  operator: string
  threshold: string
  trendFactor: string
  trendOffsetSeconds: string
  windowSeconds: string
  cooldownSeconds: string
  emails: string
  inAppRoles: string[]
  webhookUrl: string
}

/**
 * Creates a custom alert rule or changes one (built-in rules keep their
 * signal). Errors come back per field from the server (VineJS).
 */
export default function AlertRuleForm(props: Props) {
  const { t } = useI18n()
  const { rule, options } = props
  const form = useForm<FormData>({
    name: rule?.name ?? '',
    signal: rule?.signal ?? options.signals[0]!.name,
    condition: rule?.condition ?? 'threshold',
    operator: rule?.operator ?? '>',
    threshold: String(rule?.threshold ?? 0),
    trendFactor:
      rule?.trendFactor === null || rule?.trendFactor === undefined
        ? '2'
        : String(rule.trendFactor),
    trendOffsetSeconds: String(rule?.trendOffsetSeconds ?? options.trendOffsets.at(-1)),
    windowSeconds: String(rule?.windowSeconds ?? 3600),
    cooldownSeconds: String(rule?.cooldownSeconds ?? 900),
    emails: rule?.channels.emails.join(', ') ?? '',
    inAppRoles: rule?.channels.inAppRoles ?? ['admin'],
    webhookUrl: rule?.channels.webhookUrl ?? '',
  })
  const signal = options.signals.find((s) => s.name === form.data.signal)
  const trend = form.data.condition === 'trend'
  const errors = form.errors as Record<string, string | undefined>

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const blank = (value: string) => (value.trim() === '' ? null : value)
    form.transform((data: FormData) => ({
      ...data,
      trendFactor: trend ? blank(data.trendFactor) : null,
      trendOffsetSeconds: trend ? blank(data.trendOffsetSeconds) : null,
      emails: blank(data.emails),
      webhookUrl: blank(data.webhookUrl),
    }))
    if (rule) form.put(urlFor('admin.alerts.update', { id: rule.id }))
    else form.post(urlFor('admin.alerts.store'))
  }

  const heading = rule
    ? t('alerts.form.editTitle', { name: rule.name })
    : t('alerts.form.createTitle')
  return (
    <>
      <Head title={heading} />
      <AdminNav />
      <div className="page-header">
        <h1>{heading}</h1>
      </div>
      <form className="card narrow-form" noValidate onSubmit={submit}>
        <Field label={t('alerts.form.name')} error={errors.name}>
          {(c) => (
            <input
              {...c}
              type="text"
              name="name"
              required
              maxLength={120}
              value={form.data.name}
              onChange={(e) => form.setData('name', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('alerts.form.signal')}
          error={errors.signal}
          hint={
            rule?.builtIn
              ? t('alerts.form.builtInSignal')
              : t(`alerts.signalHints.${form.data.signal}`)
          }
        >
          {(c) => (
            <select
              {...c}
              name="signal"
              disabled={rule?.builtIn}
              value={form.data.signal}
              onChange={(e) => {
                const next = options.signals.find((s) => s.name === e.target.value)
                form.setData((data: FormData) => ({
                  ...data,
                  signal: e.target.value,
                  condition: next?.trend ? data.condition : 'threshold',
                }))
              }}
            >
              {options.signals.map((s) => (
                <option key={s.name} value={s.name}>
                  {t(`alerts.signals.${s.name}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('alerts.form.condition')} error={errors.condition}>
          {(c) => (
            <select
              {...c}
              name="condition"
              value={form.data.condition}
              onChange={(e) => form.setData('condition', e.target.value as 'threshold' | 'trend')}
            >
              <option value="threshold">{t('alerts.form.conditions.threshold')}</option>
              {signal?.trend && <option value="trend">{t('alerts.form.conditions.trend')}</option>}
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field label={t('alerts.form.operator')} error={errors.operator}>
            {(c) => (
              <select
                {...c}
                name="operator"
                value={form.data.operator}
                onChange={(e) => form.setData('operator', e.target.value)}
              >
                {options.operators.map((operator) => (
                  <option key={operator} value={operator}>
                    {operator}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {trend && (
            <Field
              label={t('alerts.form.trendFactor')}
              error={errors.trendFactor}
              hint={t('alerts.form.trendFactorHint')}
            >
              {(c) => (
                <input
                  {...c}
                  type="number"
                  name="trendFactor"
                  min={0.01}
                  step="any"
                  value={form.data.trendFactor}
                  onChange={(e) => form.setData('trendFactor', e.target.value)}
                />
              )}
            </Field>
          )}
          <Field
            label={trend ? t('alerts.form.thresholdTrend') : t('alerts.form.threshold')}
            error={errors.threshold}
            hint={trend ? t('alerts.form.thresholdTrendHint') : undefined}
          >
            {(c) => (
              <input
                {...c}
                type="number"
                name="threshold"
                min={0}
                step="any"
                value={form.data.threshold}
                onChange={(e) => form.setData('threshold', e.target.value)}
              />
            )}
          </Field>
        </div>
        {trend && (
          <Field label={t('alerts.form.trendOffset')} error={errors.trendOffsetSeconds}>
            {(c) => (
              <select
                {...c}
                name="trendOffsetSeconds"
                value={form.data.trendOffsetSeconds}
                onChange={(e) => form.setData('trendOffsetSeconds', e.target.value)}
              >
                {options.trendOffsets.map((offset) => (
                  <option key={offset} value={String(offset)}>
                    {t(`alerts.form.offsets.${offset}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="form-row">
          <Field
            label={t('alerts.form.window')}
            error={errors.windowSeconds}
            hint={t('alerts.form.windowHint')}
          >
            {(c) => (
              <input
                {...c}
                type="number"
                name="windowSeconds"
                min={0}
                step={1}
                value={form.data.windowSeconds}
                onChange={(e) => form.setData('windowSeconds', e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('alerts.form.cooldown')}
            error={errors.cooldownSeconds}
            hint={t('alerts.form.cooldownHint')}
          >
            {(c) => (
              <input
                {...c}
                type="number"
                name="cooldownSeconds"
                min={0}
                step={1}
                value={form.data.cooldownSeconds}
                onChange={(e) => form.setData('cooldownSeconds', e.target.value)}
              />
            )}
          </Field>
        </div>

        <fieldset className="alert-channels">
          <legend>{t('alerts.form.channels')}</legend>
          <fieldset
            className="alert-roles"
            aria-describedby={errors.inAppRoles ? 'in-app-roles-error' : undefined}
          >
            <legend>{t('alerts.form.inAppRoles')}</legend>
            {ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  name="inAppRoles"
                  value={role}
                  checked={form.data.inAppRoles.includes(role)}
                  onChange={(e) =>
                    form.setData(
                      'inAppRoles',
                      e.target.checked
                        ? [...form.data.inAppRoles, role]
                        : form.data.inAppRoles.filter((r: string) => r !== role)
                    )
                  }
                />{' '}
                {t(`roles.${role}`)}
              </label>
            ))}
            {errors.inAppRoles && (
              <span className="error" id="in-app-roles-error" role="alert">
                {errors.inAppRoles}
              </span>
            )}
          </fieldset>
          <Field
            label={t('alerts.form.emails')}
            error={errors.emails}
            hint={t('alerts.form.emailsHint')}
          >
            {(c) => (
              <textarea
                {...c}
                name="emails"
                rows={2}
                value={form.data.emails}
                onChange={(e) => form.setData('emails', e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('alerts.form.webhookUrl')}
            error={errors.webhookUrl}
            hint={t('alerts.form.webhookHint')}
          >
            {(c) => (
              <input
                {...c}
                type="url"
                name="webhookUrl"
                placeholder="https://hooks.slack.com/services/…"
                value={form.data.webhookUrl}
                onChange={(e) => form.setData('webhookUrl', e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {rule ? t('alerts.form.save') : t('alerts.form.create')}
          </button>
          <Link className="btn" href={urlFor('admin.alerts.index')}>
            {t('alerts.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  )
}
