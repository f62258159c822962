import { useEffect, useRef } from 'react'
import { Transmit, type Subscription } from '@adonisjs/transmit-client'

/**
 * Live updates from the server (server-sent events through
 * @adonisjs/transmit): one event stream per tab, shared by every
 * component that listens. Channels:
 *
 * - `users/<id>`: the signed-in person's notifications (only theirs).
 * - `processes/<id>`: something happened to that process.
 *
 * A message is a hint that something changed ({ type: … }); react by
 * reloading what you show, e.g. `router.reload({ only: ['process'] })`.
 *
 * ```tsx
 * useLiveChannel(`processes/${process.id}`, () => router.reload({ only: ['process'] }))
 * ```
 */
export type LiveMessage = { type?: string; [key: string]: unknown }

type Listener = (message: LiveMessage) => void

type Channel = {
  listeners: Set<Listener>
  subscription: Subscription | null
  stopHandler: (() => void) | null
  ready: Promise<void>
  closeTimer: ReturnType<typeof setTimeout> | null
}

/** How long an unused channel stays subscribed, so a quick re-mount reuses it. */
const CLOSE_AFTER_MS = 2000

let client: Transmit | null = null
const channels = new Map<string, Channel>()
/** Unsubscribe calls in flight: a new subscription to the same channel waits for them. */
const closing = new Map<string, Promise<void>>()

function liveClient(): Transmit | null {
  if (typeof window === 'undefined' || typeof EventSource === 'undefined') return null
  // The stream and the subscribe calls go through the session (cookies);
  // the client sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN.
  client ??= new Transmit({ baseUrl: window.location.origin, maxReconnectAttempts: 100 })
  return client
}

function open(name: string, transmit: Transmit): Channel {
  const channel: Channel = {
    listeners: new Set(),
    subscription: null,
    stopHandler: null,
    closeTimer: null,
    ready: Promise.resolve(),
  }
  channel.ready = (closing.get(name) ?? Promise.resolve()).then(async () => {
    const subscription = transmit.subscription(name)
    channel.subscription = subscription
    channel.stopHandler = subscription.onMessage<LiveMessage>((message) => {
      for (const listener of channel.listeners) listener(message ?? {})
    })
    await subscription.create()
  })
  return channel
}

function close(name: string, channel: Channel) {
  channels.delete(name)
  const done = channel.ready
    .then(async () => {
      channel.stopHandler?.()
      await channel.subscription?.delete()
    })
    .finally(() => closing.delete(name))
  closing.set(name, done)
}

/**
 * Starts listening to a channel; returns the function that stops.
 */
export function listen(name: string, listener: Listener): () => void {
  const transmit = liveClient()
  if (!transmit) return () => {}
  let channel = channels.get(name)
  if (!channel) {
    channel = open(name, transmit)
    channels.set(name, channel)
  }
  if (channel.closeTimer) clearTimeout(channel.closeTimer)
  channel.closeTimer = null
  channel.listeners.add(listener)

  const current = channel
  return () => {
    current.listeners.delete(listener)
    if (current.listeners.size > 0) return
    current.closeTimer = setTimeout(() => {
      if (current.listeners.size === 0 && channels.get(name) === current) close(name, current)
    }, CLOSE_AFTER_MS)
  }
}

/**
 * Calls `onMessage` for every message on channel `name` while the
 * component is mounted (`null` listens to nothing). The latest
 * `onMessage` is used, so it need not be memoized.
 */
export function useLiveChannel(
  name: string | null,
  onMessage: (message: LiveMessage) => void
): void {
  const handler = useRef(onMessage)
  useEffect(() => {
    handler.current = onMessage
  })
  useEffect(() => {
    if (!name) return
    return listen(name, (message) => handler.current(message))
  }, [name])
}
