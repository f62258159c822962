import ViteProvider from '@adonisjs/vite/vite_provider'
import env from '#start/env'

/**
 * @adonisjs/vite's provider, except that a test run with
 * TEST_ASSETS=built serves the production build (public/assets, through
 * the static middleware) instead of starting Vite's dev server: what
 * `npm start` and production serve, and a page load of a few files
 * instead of one request per source module. `npm test` builds the assets
 * and sets it when the browser suite runs (bin/run_tests.js).
 */
export default class StageflowViteProvider extends ViteProvider {
  async start() {
    if (builtAssets()) return
    await super.start()
  }

  async shutdown() {
    if (builtAssets()) return
    await super.shutdown()
  }
}

const builtAssets = () => env.get('NODE_ENV') === 'test' && env.get('TEST_ASSETS') === 'built'
