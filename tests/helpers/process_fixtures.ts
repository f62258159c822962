import { DateTime } from 'luxon'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import type { Priority } from '#engine/replay'
import type Process from '#models/process'
import type User from '#models/user'
import { PASSWORD } from '#tests/helpers/common'

/**
 * Starts `count` processes through the engine (never by inserting rows).
 */
export async function startProcesses(
  count: number,
  actor: User,
  options: {
    workflow?: string
    title?: (i: number) => string
    assigneeId?: number | null
    priority?: Priority
    at?: DateTime
  } = {}
) {
  const processes: Process[] = []
  for (let i = 1; i <= count; i++) {
    const { process } = await new StartProcess().handle({
      workflowKey: options.workflow ?? 'order-fulfilment',
      title: options.title?.(i) ?? `Order #${i}`,
      assigneeId: options.assigneeId ?? null,
      priority: options.priority,
      actor,
      at: options.at,
    })
    processes.push(process)
  }
  return processes
}

/** Runs one transition as `actor` (at `at`, for deadlines in the past). */
export async function move(
  process: Process,
  transition: string,
  actor: User,
  options: { data?: Record<string, unknown>; at?: DateTime } = {}
) {
  const { process: moved } = await new TransitionProcess().handle({
    process,
    transition,
    expectedVersion: process.version,
    actor,
    data: options.data,
    at: options.at,
  })
  return moved
}

/** Adds `count` comments, so the timeline grows. */
export async function comment(process: Process, actor: User, count: number) {
  let current = process
  for (let i = 1; i <= count; i++) {
    const { process: next } = await new CommentOnProcess().handle({
      process: current,
      body: `Note ${i}`,
      expectedVersion: current.version,
      actorId: actor.id,
    })
    current = next
  }
  return current
}

/** Order fulfilment up to "Preparing shipment" (its "ship" transition requires two fields). */
export async function toPreparingShipment(process: Process, manager: User) {
  let current = await move(process, 'reserve_inventory', manager)
  current = await move(current, 'inventory_reserved', manager)
  current = await move(current, 'process_payment', manager)
  current = await move(current, 'approve_payment', manager, {
    data: { payment_reference: 'PAY-1' },
  })
  return move(current, 'prepare_shipment', manager)
}

export const hoursAgo = (hours: number) => DateTime.now().minus({ hours })

type Visit = (url: string) => Promise<import('playwright').Page>

/**
 * Signs in through the login form, as a person would (browser tests).
 */
export async function signIn(visit: Visit, user: User) {
  const page = await visit('/login')
  await page.getByLabel('E-mail').fill(user.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === '/')
  return page
}
