/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
|
| `inertiaRoot(page)` renders the page object and the mount element for the
| root template. It replaces @inertia(), whose JSON escapes only "/": a
| title or comment holding `<!--<script>` blanked the page for everyone.
|
*/
import app from '@adonisjs/core/services/app'
import edge from 'edge.js'
import { htmlSafeJson } from '#support/html_json'

const ROOT_ID = 'app'

edge.global('inertiaRoot', (page: { ssrBody?: string } = {}) => {
  // Server-rendered bodies come from Inertia's own renderer, which escapes them.
  if (page.ssrBody) return page.ssrBody
  return `<script data-page="${ROOT_ID}" type="application/json">${htmlSafeJson(page)}</script><div id="${ROOT_ID}"></div>`
})

/*
| Edge's default instance is built before it is configured, so its
| "super-charged components" plugin stays recurring even with the template
| cache on: every request's renderer (the session and shield create one
| per request to share flash messages and the CSP nonce) listed the
| components directories on disk again — ~0.1 ms a request. With the cache
| on, templates are compiled once and never re-read: the list is read once too.
*/
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}
