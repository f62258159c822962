import { defineConfig } from '@adonisjs/inertia'

const inertiaConfig = defineConfig({
  /**
   * The Edge template that renders the first HTML response.
   */
  rootView: 'inertia_layout',

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
