import { Head, Link } from '@inertiajs/react'
import { DataTable } from '../../../components/ui/data_table.tsx'
import { AdminNav } from '../../../components/admin/admin_nav.tsx'
import { WEEKDAYS, type CalendarView } from '../../../components/admin/calendar.ts'
import { urlFor } from '../../../client.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { InertiaProps } from '../../../types.ts'

type Props = InertiaProps<{ calendars: CalendarView[] }>

/**
 * Admin → Calendars: the business calendars working-time SLAs count in.
 */
export default function CalendarsIndex(props: Props) {
  const { t } = useI18n()
  return (
    <>
      <Head title={t('calendars.title')} />
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>{t('calendars.title')}</h1>
          <p>{t('calendars.intro')}</p>
        </div>
        <div className="toolbar">
          <Link className="btn btn-primary" href={urlFor('admin.calendars.create')}>
            {t('calendars.new')}
          </Link>
        </div>
      </div>
      <section className="card">
        <DataTable
          caption={t('calendars.title')}
          columns={['name', 'timeZone', 'hours', 'holidays', 'actions'].map((c) =>
            t(`calendars.columns.${c}`)
          )}
          rows={props.calendars}
          rowKey={(calendar) => calendar.key}
          empty={t('calendars.empty')}
          row={(calendar) => (
            <>
              <td>
                <strong>{calendar.name}</strong> <code>{calendar.key}</code>
                {calendar.isDefault && (
                  <>
                    {' '}
                    <span className="badge">{t('calendars.default')}</span>
                  </>
                )}
              </td>
              <td>{calendar.timeZone}</td>
              <td>
                {WEEKDAYS.filter((d) => calendar.hours[d]?.length)
                  .map((d) => `${t(`calendars.weekdays.${d}`)} ${calendar.hours[d]!.join(', ')}`)
                  .join(' · ')}
              </td>
              <td>{calendar.holidays.length}</td>
              <td>
                <Link href={urlFor('admin.calendars.edit', { key: calendar.key })}>
                  {t('calendars.edit', { name: calendar.name })}
                </Link>
              </td>
            </>
          )}
        />
      </section>
    </>
  )
}
