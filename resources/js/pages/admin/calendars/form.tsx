import { Head, Link, useForm } from '@inertiajs/react'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { Field } from '../../../components/ui/field.tsx'
import { WEEKDAYS, type CalendarView } from '../../../components/admin/calendar.ts'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{ calendar: CalendarView | null }>

type FormData = {
  key: string
  name: string
  timeZone: string
  /** Ranges per weekday as typed: "09:00-12:00, 13:00-17:00". */
  hours: Record<string, string>
  /** One holiday per line. */
  holidays: string
  isDefault: boolean
}

const split = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '')

/**
 * Creates or changes a calendar: time zone, working hours per weekday
 * (several ranges, comma-separated) and holidays (one per line; "--12-25"
 * repeats every year). The server names every wrong entry.
 */
export default function CalendarForm(props: Props) {
  const { t } = useI18n()
  const { calendar } = props
  const form = useForm<FormData>({
    key: calendar?.key ?? '',
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? 'UTC',
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, (calendar?.hours[d] ?? []).join(', ')])),
    holidays: (calendar?.holidays ?? []).join('\n'),
    isDefault: calendar?.isDefault ?? false,
  })
  const errors = form.errors as Record<string, string | undefined>
  const errorUnder = (prefix: string) =>
    Object.entries(errors).find(
      ([field]) => field === prefix || field.startsWith(`${prefix}.`)
    )?.[1]

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data: FormData) => ({
      ...(calendar ? {} : { key: data.key }),
      name: data.name,
      timeZone: data.timeZone,
      hours: Object.fromEntries(
        WEEKDAYS.map((d) => [d, split(data.hours[d] ?? '', /[,;]/)]).filter(([, r]) => r.length)
      ),
      holidays: split(data.holidays, /[\n,]/),
      isDefault: data.isDefault,
    }))
    if (calendar) form.put(urlFor('admin.calendars.update', { key: calendar.key }))
    else form.post(urlFor('admin.calendars.store'))
  }

  const heading = calendar
    ? t('calendars.form.editTitle', { name: calendar.name })
    : t('calendars.form.createTitle')
  return (
    <>
      <Head title={heading} />
      <AdminNav />
      <div className="page-header">
        <h1>{heading}</h1>
      </div>
      <form className="card narrow-form" noValidate onSubmit={submit}>
        <div className="form-row">
          <Field label={t('calendars.form.name')} error={errors.name}>
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
            label={t('calendars.form.key')}
            error={errors.key}
            hint={t('calendars.form.keyHint')}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                name="key"
                className="wf-mono"
                required
                disabled={calendar !== null}
                maxLength={64}
                value={form.data.key}
                onChange={(e) => form.setData('key', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label={t('calendars.form.timeZone')}
          error={errors.timeZone}
          hint={t('calendars.form.timeZoneHint')}
        >
          {(c) => (
            <input
              {...c}
              type="text"
              name="timeZone"
              className="wf-mono"
              required
              value={form.data.timeZone}
              onChange={(e) => form.setData('timeZone', e.target.value)}
            />
          )}
        </Field>
        <fieldset>
          <legend>{t('calendars.form.hours')}</legend>
          <p className="hint">{t('calendars.form.hoursHint')}</p>
          {errors.hours && (
            <p className="error" role="alert">
              {errors.hours}
            </p>
          )}
          {WEEKDAYS.map((day) => (
            <Field
              key={day}
              label={t(`calendars.weekdays.${day}`)}
              error={errorUnder(`hours.${day}`)}
            >
              {(c) => (
                <input
                  {...c}
                  type="text"
                  name={`hours.${day}`}
                  className="wf-mono"
                  placeholder={t('calendars.form.closed')}
                  value={form.data.hours[day] ?? ''}
                  onChange={(e) =>
                    form.setData('hours', { ...form.data.hours, [day]: e.target.value })
                  }
                />
              )}
            </Field>
          ))}
        </fieldset>
        <Field
          label={t('calendars.form.holidays')}
          error={errorUnder('holidays')}
          hint={t('calendars.form.holidaysHint')}
        >
          {(c) => (
            <textarea
              {...c}
              name="holidays"
              className="wf-mono"
              rows={6}
              value={form.data.holidays}
              onChange={(e) => form.setData('holidays', e.target.value)}
            />
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            name="isDefault"
            checked={form.data.isDefault}
            onChange={(e) => form.setData('isDefault', e.target.checked)}
          />{' '}
          {t('calendars.form.isDefault')}
        </label>
        {errors.isDefault && (
          <p className="error" role="alert">
            {errors.isDefault}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {calendar ? t('calendars.form.save') : t('calendars.form.create')}
          </button>
          <Link className="btn" href={urlFor('admin.calendars.index')}>
            {t('calendars.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  )
}
