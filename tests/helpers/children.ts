import type { ChildProcess } from 'node:child_process'

/**
 * Every process a test spawned (redis-server, workers). Teardown stops
 * them one by one; should the test process itself die first, the exit
 * hook below kills whatever is left, so no server outlives the run.
 */
const alive = new Set<ChildProcess>()
let hooked = false

export function track(child: ChildProcess) {
  alive.add(child)
  child.once('exit', () => alive.delete(child))
  if (!hooked) {
    hooked = true
    process.once('exit', () => {
      for (const leftover of alive) {
        try {
          leftover.kill('SIGKILL')
        } catch {}
      }
    })
  }
  return child
}

/**
 * Resolves with the exit code and signal of a child, at once if it has
 * already exited.
 */
export function exitOf(
  child: ChildProcess
): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
}

/**
 * Stops one child: the given signal first, SIGKILL when it is still
 * running after `graceMs`.
 */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000
) {
  if (child.exitCode !== null || child.signalCode !== null) return exitOf(child)
  const exited = exitOf(child)
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  const result = await exited
  clearTimeout(timer)
  return result
}
