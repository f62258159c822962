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
import edge from 'edge.js'
import { htmlSafeJson } from '#support/html_json'

const ROOT_ID = 'app'

edge.global('inertiaRoot', (page: { ssrBody?: string } = {}) => {
  // Server-rendered bodies come from Inertia's own renderer, which escapes them.
  if (page.ssrBody) return page.ssrBody
  return `<script data-page="${ROOT_ID}" type="application/json">${htmlSafeJson(page)}</script><div id="${ROOT_ID}"></div>`
})
