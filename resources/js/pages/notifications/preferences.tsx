import { Head, Link, useForm } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Props = InertiaProps<{ preferences: Data.NotificationPreference[] }>

type Choice = { inApp: boolean; email: boolean }
const CHANNELS = ['inApp', 'email'] as const

export default function NotificationPreferences({ preferences }: Props) {
  const { t } = useI18n()
  const form = useForm({
    preferences: Object.fromEntries(
      preferences.map((p) => [p.kind, { inApp: p.inApp, email: p.email }])
    ) as Record<string, Choice>,
  })

  const toggle = (kind: string, channel: (typeof CHANNELS)[number], value: boolean) =>
    form.setData('preferences', {
      ...form.data.preferences,
      [kind]: { ...form.data.preferences[kind]!, [channel]: value },
    })

  return (
    <>
      <Head title={t('notifications.preferences.title')} />
      <div className="page-header">
        <div>
          <h1>{t('notifications.preferences.title')}</h1>
          <p>{t('notifications.preferences.subtitle')}</p>
        </div>
        <Link className="btn" href={urlFor('notifications.index')}>
          {t('notifications.backToList')}
        </Link>
      </div>

      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault()
          form.put(urlFor('notifications.preferences.update'), { preserveScroll: true })
        }}
      >
        <div className="table-wrap">
          <table className="pref-table">
            <caption className="sr-only">{t('notifications.preferences.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.preferences.kind')}</th>
                {CHANNELS.map((channel) => (
                  <th scope="col" key={channel} className="pref-channel">
                    {t(`notifications.channels.${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preferences.map(({ kind }) => (
                <tr key={kind}>
                  <th scope="row">
                    <span className="pref-kind">{t(`notifications.kinds.${kind}`)}</span>
                    <span className="pref-hint">{t(`notifications.kindHints.${kind}`)}</span>
                  </th>
                  {CHANNELS.map((channel) => {
                    const id = `pref-${kind}-${channel}`
                    return (
                      <td key={channel} className="pref-channel">
                        <input
                          id={id}
                          type="checkbox"
                          checked={form.data.preferences[kind]?.[channel] ?? false}
                          onChange={(event) => toggle(kind, channel, event.target.checked)}
                        />
                        <label htmlFor={id} className="sr-only">
                          {t('notifications.preferences.checkbox', {
                            kind: t(`notifications.kinds.${kind}`),
                            channel: t(`notifications.channels.${channel}`),
                          })}
                        </label>
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions pref-actions">
          <button type="submit" className="btn btn-primary" disabled={form.processing}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </>
  )
}
