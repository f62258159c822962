import { readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

let entries: Set<string> | undefined

/**
 * The top-level files and folders of public/ (in practice the built
 * `assets/`), read once: a file added at the top level while the server
 * runs is served after a restart (deploys build, then restart); anything
 * inside an existing folder is served at once.
 */
function publicEntries() {
  if (!entries) {
    try {
      entries = new Set(readdirSync(app.publicPath()).filter((name) => !name.startsWith('.')))
    } catch {
      entries = new Set()
    }
  }
  return entries
}

/**
 * `@adonisjs/static` (config/static.ts) only for URLs that can name a file
 * in public/: it stat-ed the directory for every URL — every page and API
 * call — before the router saw it. A page URL's first segment is never a
 * public/ entry, so pages skip the file system entirely.
 */
export default class PublicFilesMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const path = ctx.request.url()
    const end = path.indexOf('/', 1)
    // Compared as sent: the built entries' names need no percent-encoding.
    if (!publicEntries().has(path.slice(1, end === -1 ? undefined : end))) return next()
    const files = await app.container.make(StaticMiddleware)
    return files.handle(ctx, next)
  }
}
