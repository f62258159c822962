import { router, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { Field } from '../ui/field.tsx'

export type Absence = {
  from: string | null
  to: string | null
  delegate: { id: number; name: string; email: string } | null
  absentNow: boolean
}

/**
 * One's own absence (first and last day) and the delegate who receives
 * assignments and approval requests meanwhile.
 */
export function AbsenceForm({ absence }: { absence: Absence }) {
  const { t, formatDate } = useI18n()
  const form = useForm({
    from: absence.from ?? '',
    to: absence.to ?? '',
    delegate: absence.delegate?.email ?? '',
  })
  return (
    <form
      className="card"
      noValidate
      aria-labelledby="absence-title"
      onSubmit={(e) => {
        e.preventDefault()
        form.put(urlFor('profile.absence.update'), { preserveScroll: true })
      }}
    >
      <h2 id="absence-title">{t('profile.absence.title')}</h2>
      <p className="muted">{t('profile.absence.body')}</p>
      <p>
        {absence.from && absence.to && absence.delegate
          ? t('profile.absence.current', {
              from: formatDate(absence.from),
              to: formatDate(absence.to),
              name: absence.delegate.name,
            })
          : t('profile.absence.none')}
      </p>
      <Field label={t('profile.absence.from')} error={form.errors.from}>
        {(c) => (
          <input
            {...c}
            type="date"
            name="from"
            value={form.data.from}
            onChange={(e) => form.setData('from', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('profile.absence.to')} error={form.errors.to}>
        {(c) => (
          <input
            {...c}
            type="date"
            name="to"
            value={form.data.to}
            onChange={(e) => form.setData('to', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('profile.absence.delegate')} error={form.errors.delegate}>
        {(c) => (
          <input
            {...c}
            type="email"
            name="delegate"
            value={form.data.delegate}
            onChange={(e) => form.setData('delegate', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.processing}>
          {t('profile.absence.save')}
        </button>
        {absence.from && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              router.delete(urlFor('profile.absence.destroy'), { preserveScroll: true })
            }
          >
            {t('profile.absence.clear')}
          </button>
        )}
      </div>
    </form>
  )
}
