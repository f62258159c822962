import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'
import { track, stopChild } from '#tests/helpers/children'
import { waitUntil, GiveUp } from '#tests/helpers/wait'

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/**
 * The web server as production starts it (`bin/server.ts`, its own
 * process), on a port of its own. Its output is kept, JSON log lines
 * parsed, for the test to read.
 */
export class ServerProcess {
  readonly child: ChildProcess
  readonly url: string
  #output = ''
  #logs: Record<string, any>[] = []

  constructor(port: number, env: NodeJS.ProcessEnv) {
    this.url = `http://127.0.0.1:${port}`
    this.child = track(
      spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
        cwd: app.makePath(),
        env: { ...env, HOST: '127.0.0.1', PORT: String(port), APP_URL: this.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    )
    let pending = ''
    const collect = (chunk: Buffer) => {
      const text = chunk.toString()
      this.#output += text
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        try {
          this.#logs.push(JSON.parse(line))
        } catch {}
      }
    }
    this.child.stdout!.on('data', collect)
    this.child.stderr!.on('data', collect)
  }

  get output() {
    return this.#output
  }

  logs() {
    return this.#logs
  }

  /** Resolves once /health/live answers. */
  async ready(timeoutMs = 60_000) {
    await waitUntil(
      async () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          throw new GiveUp(
            `the server exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready:\n${this.#output.slice(-3000)}`
          )
        }
        const response = await fetch(`${this.url}/health/live`).catch(() => null)
        return response?.ok ?? false
      },
      {
        timeoutMs,
        intervalMs: 100,
        message: () => `the server to start:\n${this.#output.slice(-3000)}`,
      }
    )
  }

  /** SIGTERM (the server flushes its spans on the way out), SIGKILL after `graceMs`. */
  stop(graceMs = 10_000) {
    return stopChild(this.child, 'SIGTERM', graceMs)
  }
}
