/**
 * Thrown by a probe when waiting longer cannot help (a process died):
 * `waitUntil` rethrows it at once instead of retrying until the deadline.
 */
export class GiveUp extends Error {}

/**
 * Polling with a deadline: every resilience test waits for a condition
 * observed from outside (a table, a Redis key, a process exit), never for
 * a fixed time.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  options: { timeoutMs: number; intervalMs?: number; message: string | (() => string) }
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await probe()
      if (value) return value
      lastError = null
    } catch (error) {
      if (error instanceof GiveUp) throw error
      lastError = error
    }
    if (Date.now() > deadline) {
      const text = typeof options.message === 'function' ? options.message() : options.message
      const cause = lastError ? ` (last error: ${(lastError as Error).message})` : ''
      throw new Error(`Timed out after ${options.timeoutMs} ms: ${text}${cause}`)
    }
    await sleep(options.intervalMs ?? 50)
  }
}

export function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms))
}

/** Milliseconds since `start`, rounded. */
export function since(start: number) {
  return Math.round(performance.now() - start)
}
