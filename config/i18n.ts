import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * UI strings live in resources/lang/<locale>/*.json. English is the
 * fallback for any key a translation lacks.
 */
/** Also what PATCH /api/v1/me accepts (app/validators/user.ts) and the OpenAPI document lists. */
export const SUPPORTED_LOCALES = ['en', 'pt-BR']

const i18nConfig = defineConfig({
  defaultLocale: 'en',
  supportedLocales: SUPPORTED_LOCALES,
  fallbackLocales: { 'pt-BR': 'en' },
  formatter: formatters.icu(),
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})

export default i18nConfig
