import { router } from '@inertiajs/react'
import { urlFor } from '../client.ts'
import { LOCALES, useI18n } from '../lib/i18n.ts'

export function LanguageSwitch() {
  const { locale, t } = useI18n()
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LOCALES.map((option) => (
        <button
          key={option.code}
          type="button"
          lang={option.code}
          aria-pressed={locale === option.code}
          onClick={() =>
            router.post(urlFor('locale.update'), { locale: option.code }, { preserveScroll: true })
          }
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}
