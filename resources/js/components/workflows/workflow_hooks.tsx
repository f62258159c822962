import { DataTable } from '../ui/data_table.tsx'
import { useI18n } from '../../lib/i18n.ts'

export type HookView = {
  key: string
  action: 'start' | 'transition'
  transition: string | null
  reference: string | null
  title: string | null
  mapping: Record<string, string>
  enabled: boolean
  path: string
  createdAt: string
  updatedAt: string
}

/**
 * The workflow page's inbound webhooks: where each one is posted and what
 * it does (managed over the API, shown to admins and the owner).
 */
export function WorkflowHooks(props: { workflowKey: string; hooks: HookView[] }) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby="hooks-heading">
      <h2 id="hooks-heading">{t('webhooks.hooks.title')}</h2>
      <p>{t('webhooks.hooks.intro', { key: props.workflowKey })}</p>
      <DataTable
        caption={t('webhooks.hooks.title')}
        columns={['key', 'path', 'action', 'state'].map((c) => t(`webhooks.hooks.columns.${c}`))}
        rows={props.hooks}
        rowKey={(hook) => hook.key}
        empty={t('webhooks.hooks.empty')}
        row={(hook) => (
          <>
            <td>
              <code>{hook.key}</code>
            </td>
            <td>
              <code>POST {hook.path}</code>
            </td>
            <td>
              {hook.action === 'start'
                ? t('webhooks.hooks.start')
                : t('webhooks.hooks.transition', {
                    transition: hook.transition ?? '',
                    reference: hook.reference ?? '',
                  })}
              {Object.keys(hook.mapping).length > 0 && (
                <div className="muted">
                  {Object.entries(hook.mapping)
                    .map(([field, expression]) => `${field} ← ${expression}`)
                    .join(' · ')}
                </div>
              )}
            </td>
            <td>
              <span className={`badge ${hook.enabled ? 'badge-success' : ''}`}>
                {t(hook.enabled ? 'webhooks.state.enabled' : 'webhooks.state.disabled')}
              </span>
            </td>
          </>
        )}
      />
    </section>
  )
}
