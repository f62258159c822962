import { defineConfig } from '@adonisjs/inertia'
import env from '#start/env'

const inertiaConfig = defineConfig({
  /**
   * The Edge template that renders the first HTML response.
   */
  rootView: 'inertia_layout',

  /**
   * The assets version: the Vite manifest's hash once built. Tests keep
   * "1", what Japa's Inertia client sends, also when the test server
   * serves the built UI (TEST_ASSETS=built, app/support/vite_provider.ts).
   */
  assetsVersion: env.get('NODE_ENV') === 'test' ? '1' : undefined,

  /**
   * Pages are rendered in the browser; the shell is small enough that
   * server-side rendering buys little for an authenticated app.
   */
  ssr: {
    enabled: false,
    entrypoint: 'resources/js/ssr.tsx',
  },
})

export default inertiaConfig
