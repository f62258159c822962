/**
 * Automatic layout with elkjs ("layered": left to right, from the start
 * stage). ELK runs asynchronously; its bundled build runs in the page, and
 * the result only depends on the graph, so the same workflow is always drawn
 * the same way.
 */
import ElkBundled from 'elkjs/lib/elk.bundled.js'
import { nodeSize, stageIndexByKey, type DiagramGraph } from './graph.ts'

export type Positions = Record<number, { x: number; y: number }>

// A CommonJS module: its constructor is also its `default` property.
const elk = new ElkBundled.default()

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

/** Top-left corner of each stage (by index), laid out by ELK. */
export async function layoutGraph(graph: DiagramGraph): Promise<Positions> {
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
