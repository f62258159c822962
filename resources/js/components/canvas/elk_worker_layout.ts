/**
 * The page's ELK: in a web worker, so that neither compiling ELK's 1.6 MB
 * build nor laying out a large workflow runs on the main thread (the
 * designer stays responsive while a 60-stage workflow is laid out). Where a
 * worker cannot start (or fails), the layout runs in the page instead.
 */
import ElkApi from 'elkjs/lib/elk-api.js'
import workerUrl from 'elkjs/lib/elk-worker.min.js?url'
import type { ELK } from 'elkjs/lib/elk-api.js'
import { elkConstructor, layoutGraph, type Positions } from './elk_layout.ts'
import type { DiagramGraph } from './graph.ts'

type InWorker = { elk: ELK; broken: Promise<never> }
let worker: InWorker | null = null
let workerFailed = false

function startWorker(): InWorker {
  let fail: (reason: unknown) => void = () => {}
  const broken = new Promise<never>((_, reject) => (fail = reject))
  broken.catch(() => {})
  const Elk = elkConstructor(ElkApi)
  const elk = new Elk({
    workerFactory: () => {
      const started = new Worker(workerUrl, { name: 'elk-layout' })
      started.addEventListener('error', (event) => fail(event))
      return started
    },
  })
  return { elk, broken }
}

/**
 * Starts the worker (fetching and compiling ELK) without laying anything
 * out, so that it is ready by the time the canvas asks for a layout.
 */
export function prepareLayout() {
  if (workerFailed || typeof Worker === 'undefined' || worker) return
  try {
    worker = startWorker()
  } catch {
    workerFailed = true
  }
}

/** Top-left corner of each stage (by index), laid out by ELK off the main thread. */
export async function layoutInBackground(graph: DiagramGraph): Promise<Positions> {
  if (!workerFailed && typeof Worker !== 'undefined') {
    try {
      worker ??= startWorker()
      return await Promise.race([layoutGraph(graph, worker.elk), worker.broken])
    } catch {
      workerFailed = true
      worker?.elk.terminateWorker()
      worker = null
    }
  }
  return layoutGraph(graph)
}
