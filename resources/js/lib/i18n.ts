import { useMemo } from 'react'
import { usePage } from '@inertiajs/react'
import { IntlMessageFormat } from 'intl-messageformat'

/**
 * The same translation files the server uses (resources/lang/<locale>/<file>.json),
 * flattened to "file.key.path" like @adonisjs/i18n does. Missing keys fall
 * back to English, then to the key itself so a gap is visible, not blank.
 */
const files = import.meta.glob<Record<string, unknown>>('../../lang/*/*.json', {
  eager: true,
  import: 'default',
})

type Catalog = Record<string, string>
const catalogs: Record<string, Catalog> = {}

function flatten(prefix: string, value: unknown, into: Catalog) {
  if (typeof value === 'string') {
    into[prefix] = value
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(`${prefix}.${key}`, child, into)
  }
}

for (const [path, contents] of Object.entries(files)) {
  const match = path.match(/lang\/([^/]+)\/([^/]+)\.json$/)
  if (!match) continue
  const [, locale, file] = match
  flatten(file!, contents, (catalogs[locale!] ??= {}))
}

/**
 * Adds messages that only some pages need (e.g. `resources/lang/<locale>/canvas/*.json`,
 * registered by the designer's chunk), so they stay out of every page's initial JavaScript.
 */
export function registerMessages(extra: Record<string, Record<string, unknown>>) {
  for (const [path, contents] of Object.entries(extra)) {
    const match = path.match(/lang\/([^/]+)\/([^/]+)\/([^/]+)\.json$/)
    if (!match) continue
    const [, locale, folder, file] = match
    flatten(`${folder}_${file}`, contents, (catalogs[locale!] ??= {}))
  }
}

const formatters = new Map<string, IntlMessageFormat>()

export function translate(locale: string, key: string, data?: Record<string, unknown>): string {
  const message = catalogs[locale]?.[key] ?? catalogs.en?.[key]
  if (message === undefined) return key
  if (!data && !message.includes('{')) return message
  const cacheKey = `${locale}\u0000${key}`
  let formatter = formatters.get(cacheKey)
  if (!formatter) {
    formatter = new IntlMessageFormat(message, locale)
    formatters.set(cacheKey, formatter)
  }
  return String(formatter.format(data as Record<string, string | number>))
}

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'pt-BR', label: 'Português (Brasil)' },
] as const

/**
 * `const { t, locale } = useI18n()` in any page or component.
 */
export function useI18n() {
  const locale = (usePage().props as { locale?: string }).locale ?? 'en'
  // The same functions while the locale stays, so components can memoize on `t`.
  return useMemo(() => i18nFor(locale), [locale])
}

function i18nFor(locale: string) {
  return {
    locale,
    t: (key: string, data?: Record<string, unknown>) => translate(locale, key, data),
    formatDateTime: (iso: string | null | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(iso)
          )
        : '—',
    formatDate: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '—',
  }
}
