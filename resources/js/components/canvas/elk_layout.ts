/**
 * Automatic layout with elkjs ("layered": left to right, from the start
 * stage). ELK runs asynchronously; the result only depends on the graph, so
 * the same workflow is always drawn the same way. In the page it runs in a
 * web worker (elk_worker_layout.ts); here, in Node (tests, benches) and as
 * the page's fallback, the bundled build runs in the calling thread, loaded
 * on first use.
 */
import type { ELK } from 'elkjs/lib/elk-api.js'
import { nodeSize, stageIndexByKey, type DiagramGraph } from './graph.ts'

export type Positions = Record<number, { x: number; y: number }>

let bundled: Promise<ELK> | null = null
/** ELK in this thread (its 1.6 MB build is a chunk of its own, fetched on first use). */
function elkHere(): Promise<ELK> {
  bundled ??= import('elkjs/lib/elk.bundled.js').then((module) => new (elkConstructor(module))())
  return bundled
}

type ElkConstructor = new (args?: import('elkjs/lib/elk-api.js').ELKConstructorArguments) => ELK

/**
 * elkjs's builds are CommonJS modules whose constructor is also their
 * `default` property: depending on the loader's interop it is the module's
 * default export or that export's `default`.
 */
export function elkConstructor(module: unknown): ElkConstructor {
  let candidate = module as { default?: unknown } | ElkConstructor | undefined
  for (let depth = 0; depth < 3 && typeof candidate !== 'function'; depth++) {
    candidate = (candidate as { default?: unknown } | undefined)?.default as typeof candidate
  }
  if (typeof candidate !== 'function') throw new Error('elkjs: no ELK constructor')
  return candidate
}

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.edgeNode': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.randomSeed': '1',
}

/** Top-left corner of each stage (by index), laid out by ELK (by default in this thread). */
export async function layoutGraph(graph: DiagramGraph, engine?: ELK): Promise<Positions> {
  const elk = engine ?? (await elkHere())
  const byKey = stageIndexByKey(graph)
  // The start stage goes first, so it ends up in the first layer.
  const order = graph.stages
    .map((stage, index) => ({ stage, index }))
    .sort((a, b) => Number(b.stage.type === 'start') - Number(a.stage.type === 'start'))
  const edges = graph.transitions.flatMap((transition, index) => {
    const from = byKey.get(transition.from)
    const to = byKey.get(transition.to)
    if (from === undefined || to === undefined || from === to) return []
    return [{ id: `e${index}`, sources: [`n${from}`], targets: [`n${to}`] }]
  })
  const result = await elk.layout({
    id: 'root',
    layoutOptions: OPTIONS,
    children: order.map(({ stage, index }) => ({
      id: `n${index}`,
      ...nodeSize(stage.type),
      layoutOptions: layerConstraint(stage.type),
    })),
    edges,
  })
  const positions: Positions = {}
  for (const child of result.children ?? []) {
    positions[Number(child.id.slice(1))] = { x: child.x ?? 0, y: child.y ?? 0 }
  }
  return positions
}

/** A string that changes only when the layout could: stages, types and connections. */
export function layoutSignature(graph: DiagramGraph): string {
  return JSON.stringify([
    graph.stages.map((stage) => [stage.key, stage.type ?? '']),
    graph.transitions.map((transition) => [transition.from, transition.to]),
  ])
}

/** Start stages in the first layer, end stages in the last. */
function layerConstraint(type: string | undefined): Record<string, string> {
  if (type === 'start') return { 'elk.layered.layering.layerConstraint': 'FIRST' }
  if (type === 'end') return { 'elk.layered.layering.layerConstraint': 'LAST' }
  return {}
}
