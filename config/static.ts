import { defineConfig } from '@adonisjs/static'

/**
 * Built assets have content hashes in their names, so they can be cached
 * for a year; nginx does the same in front of the app.
 */
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  headers: (path) => {
    if (path.includes('/assets/')) {
      return { 'Cache-Control': 'public, max-age=31536000, immutable' }
    }
    return {}
  },
})

export default staticServerConfig
