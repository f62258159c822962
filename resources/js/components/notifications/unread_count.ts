import { useSyncExternalStore } from 'react'
import { urlFor } from '../../client.ts'

/**
 * The signed-in person's unread notification count, shared by whoever
 * shows it. `null` until the first answer. Refreshing asks the server
 * (one indexed COUNT); `set` takes a number the server already sent
 * (a page prop, a live update).
 */
let unread: number | null = null
let ticket = 0
const listeners = new Set<() => void>()

function publish(value: number) {
  unread = value
  for (const listener of listeners) listener()
}

export const unreadCount = {
  get: () => unread,

  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },

  set(value: number) {
    // A request still in flight must not overwrite this newer number.
    ticket++
    publish(value)
  },

  async refresh() {
    const mine = ++ticket
    try {
      const response = await fetch(urlFor('notifications.unread'), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (!response.ok) return
      const body = (await response.json()) as { unread: number }
      if (mine === ticket) publish(body.unread)
    } catch {
      // Offline for a moment: the next update or focus asks again.
    }
  },
}

export function useUnreadCount() {
  return useSyncExternalStore(unreadCount.subscribe, unreadCount.get, () => null)
}
