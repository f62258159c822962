import { registry } from '../../.adonisjs/client/registry/index.ts'
import { createTuyau } from '@tuyau/core/client'

/**
 * Type-safe URLs from route names: `urlFor('users.index')`. Relative to
 * the page's origin, so it works behind any host or proxy.
 */
export const client = createTuyau({ baseUrl: '/', registry })

export const urlFor = client.urlFor
