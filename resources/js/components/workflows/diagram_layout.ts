/**
 * Automatic layout of a workflow graph for `WorkflowDiagram`.
 *
 * Stages are placed in layers by their BFS distance from the start stage
 * (end stages always in the last layer); edges that skip layers get
 * invisible waypoints so they route around the stages in between; the
 * order inside each layer is improved with a few barycentre sweeps. Edges
 * that go back to an earlier layer (loops) leave from the stage's "back"
 * side and bow outwards, so they never sit on top of a forward edge.
 *
 * Pure and tolerant: it accepts half-written definitions from the designer
 * (blank or duplicate keys, transitions to stages that do not exist).
 */

export type DiagramStage = {
  key: string
  name: string
  type?: string
  outcome?: string
}

export type DiagramTransition = {
  key: string
  from: string
  to: string
  label?: string
}

export type DiagramGraph = {
  stages: readonly DiagramStage[]
  transitions: readonly DiagramTransition[]
}

export type Orientation = 'horizontal' | 'vertical'

export type Point = { x: number; y: number }

export type LaidOutNode = {
  index: number
  layer: number
  x: number
  y: number
  width: number
  height: number
}

export type EdgeKind = 'forward' | 'back' | 'same-layer' | 'self'

export type LaidOutEdge = {
  index: number
  kind: EdgeKind
  /** SVG path data. */
  path: string
  /** Where the label's centre goes. */
  labelAt: Point
}

export type Layout = {
  width: number
  height: number
  nodes: LaidOutNode[]
  edges: LaidOutEdge[]
  /** Transition indexes that could not be drawn (unknown or blank stage keys). */
  dangling: number[]
}

/** Sizes of the regular drawing, and of the compact one for narrow places. */
const METRICS = {
  regular: {
    nodeWidth: 172,
    nodeHeight: 54,
    layerGap: { horizontal: 150, vertical: 84 },
    rowGap: { horizontal: 34, vertical: 30 },
    padding: 28,
  },
  compact: {
    nodeWidth: 124,
    nodeHeight: 46,
    layerGap: { horizontal: 120, vertical: 70 },
    rowGap: { horizontal: 24, vertical: 16 },
    padding: 12,
  },
}
const WAYPOINT_SIZE = 18
/** How far back edges are shifted off the centre line, and how much they bow. */
const BACK_OFFSET = 12
const BACK_BOW = 34
const LOOP_SIZE = 30
/** Rough text metrics of edge labels (11.5px system font), for collision checks. */
const LABEL_CHAR_WIDTH = 6.4
const LABEL_HEIGHT = 15
export const LABEL_LIMIT = 20

export const truncate = (text: string, limit: number) =>
  text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text

/** The text drawn on a transition's arrow. */
export function edgeLabel(transition: DiagramTransition): string {
  return truncate(transition.label?.trim() || transition.key, LABEL_LIMIT)
}

type Slot = { id: string; stage: number | null; layer: number; order: number }

/** Index of the first stage with each (non-blank) key. */
export function stageIndexByKey(graph: DiagramGraph): Map<string, number> {
  const map = new Map<string, number>()
  graph.stages.forEach((stage, index) => {
    if (stage.key && !map.has(stage.key)) map.set(stage.key, index)
  })
  return map
}

/**
 * Layer of every stage: BFS distance from the start stage; stages the BFS
 * does not reach continue after their placed predecessors; end stages go
 * last.
 */
export function assignLayers(graph: DiagramGraph): number[] {
  const byKey = stageIndexByKey(graph)
  const count = graph.stages.length
  const next: number[][] = Array.from({ length: count }, () => [])
  const previous: number[][] = Array.from({ length: count }, () => [])
  for (const transition of graph.transitions) {
    const from = byKey.get(transition.from)
    const to = byKey.get(transition.to)
    if (from === undefined || to === undefined) continue
    next[from]!.push(to)
    previous[to]!.push(from)
  }

  const isEnd = (index: number) => graph.stages[index]!.type === 'end'
  const layers: number[] = new Array(count).fill(-1)
  const bfs = (root: number, depth: number) => {
    layers[root] = depth
    const queue = [root]
    while (queue.length > 0) {
      const current = queue.shift()!
      // End stages are placed at the end anyway; walking through them
      // would only push unrelated stages further right.
      if (isEnd(current)) continue
      for (const target of next[current]!) {
        if (layers[target] === -1) {
          layers[target] = layers[current]! + 1
          queue.push(target)
        }
      }
    }
  }

  const start = graph.stages.findIndex((stage) => stage.type === 'start')
  if (start !== -1) bfs(start, 0)
  for (let index = 0; index < count; index++) {
    if (layers[index] !== -1 || isEnd(index)) continue
    const placed = previous[index]!.filter((p) => layers[p]! >= 0 && !isEnd(p))
    const depth = placed.length > 0 ? Math.max(...placed.map((p) => layers[p]!)) + 1 : 0
    bfs(index, depth)
  }

  const inner = layers.filter((layer, index) => layer >= 0 && !isEnd(index))
  const endLayer = inner.length > 0 ? Math.max(...inner) + 1 : 0
  return layers.map((layer, index) => (isEnd(index) ? endLayer : Math.max(layer, 0)))
}

/** Maps (main axis, cross axis) to screen coordinates for an orientation. */
function toScreen(orientation: Orientation, main: number, cross: number): Point {
  return orientation === 'horizontal' ? { x: main, y: cross } : { x: cross, y: main }
}

function cubicPoint(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t
  const a = u * u * u
  const b = 3 * u * u * t
  const c = 3 * u * t * t
  const d = t * t * t
  return {
    x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
    y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
  }
}

const round = (value: number) => Math.round(value * 10) / 10
const pt = (point: Point) => `${round(point.x)} ${round(point.y)}`

export function layoutDiagram(
  graph: DiagramGraph,
  orientation: Orientation,
  options: { compact?: boolean } = {}
): Layout {
  const metrics = METRICS[options.compact ? 'compact' : 'regular']
  const NODE_WIDTH = metrics.nodeWidth
  const NODE_HEIGHT = metrics.nodeHeight
  const PADDING = metrics.padding
  const layers = assignLayers(graph)
  const byKey = stageIndexByKey(graph)
  const layerCount = layers.length > 0 ? Math.max(...layers) + 1 : 0

  // Slots per layer: stages plus waypoints of edges that skip layers.
  const slots: Slot[][] = Array.from({ length: layerCount }, () => [])
  graph.stages.forEach((_, index) => {
    slots[layers[index]!]!.push({ id: `s${index}`, stage: index, layer: layers[index]!, order: 0 })
  })

  type EdgePlan = {
    index: number
    from: number
    to: number
    kind: EdgeKind
    waypoints: string[]
    /** Position among edges with the same two ends, for spreading them. */
    parallel: number
  }
  const plans: EdgePlan[] = []
  const dangling: number[] = []
  const pairCount = new Map<string, number>()

  graph.transitions.forEach((transition, index) => {
    const from = byKey.get(transition.from)
    const to = byKey.get(transition.to)
    if (from === undefined || to === undefined) {
      dangling.push(index)
      return
    }
    const pair = `${from}>${to}`
    const parallel = pairCount.get(pair) ?? 0
    pairCount.set(pair, parallel + 1)

    const fromLayer = layers[from]!
    const toLayer = layers[to]!
    let kind: EdgeKind
    if (from === to) kind = 'self'
    else if (toLayer > fromLayer) kind = 'forward'
    else if (toLayer < fromLayer) kind = 'back'
    else kind = 'same-layer'

    const waypoints: string[] = []
    const low = Math.min(fromLayer, toLayer)
    const high = Math.max(fromLayer, toLayer)
    for (let layer = low + 1; layer < high; layer++) {
      const id = `e${index}l${layer}`
      slots[layer]!.push({ id, stage: null, layer, order: 0 })
      waypoints.push(id)
    }
    // Waypoints are listed in the direction of travel.
    if (kind === 'back') waypoints.reverse()
    plans.push({ index, from, to, kind, waypoints, parallel })
  })

  // Neighbours of each slot in the adjacent layers, for barycentre ordering.
  const neighbours = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set())
    if (!neighbours.has(b)) neighbours.set(b, new Set())
    neighbours.get(a)!.add(b)
    neighbours.get(b)!.add(a)
  }
  for (const plan of plans) {
    if (plan.kind === 'self' || plan.kind === 'same-layer') continue
    const chain = [`s${plan.from}`, ...plan.waypoints, `s${plan.to}`]
    for (let i = 0; i + 1 < chain.length; i++) link(chain[i]!, chain[i + 1]!)
  }

  const position = new Map<string, number>()
  const renumber = (layer: Slot[]) =>
    layer.forEach((slot, order) => {
      slot.order = order
      position.set(slot.id, order)
    })
  slots.forEach(renumber)

  const sweep = (layer: Slot[], towards: number) => {
    const weight = (slot: Slot) => {
      const around = [...(neighbours.get(slot.id) ?? [])].filter((id) => {
        const other = slots[towards]?.find((s) => s.id === id)
        return other !== undefined
      })
      if (around.length === 0) return slot.order
      return around.reduce((sum, id) => sum + position.get(id)!, 0) / around.length
    }
    const weights = new Map(layer.map((slot) => [slot.id, weight(slot)]))
    layer.sort((a, b) => weights.get(a.id)! - weights.get(b.id)! || a.order - b.order)
    renumber(layer)
  }
  for (let pass = 0; pass < 4; pass++) {
    for (let layer = 1; layer < layerCount; layer++) sweep(slots[layer]!, layer - 1)
    for (let layer = layerCount - 2; layer >= 0; layer--) sweep(slots[layer]!, layer + 1)
  }

  // Sizes along the main axis (layers) and the cross axis (rows).
  const horizontal = orientation === 'horizontal'
  const mainSize = horizontal ? NODE_WIDTH : NODE_HEIGHT
  const crossSize = horizontal ? NODE_HEIGHT : NODE_WIDTH
  const layerGap = metrics.layerGap[orientation]
  const rowGap = metrics.rowGap[orientation]
  const slotCross = (slot: Slot) => (slot.stage === null ? WAYPOINT_SIZE : crossSize)
  const layerExtent = slots.map((layer) =>
    layer.reduce((sum, slot, i) => sum + slotCross(slot) + (i > 0 ? rowGap : 0), 0)
  )
  const crossExtent = Math.max(0, ...layerExtent)

  // Room for self-loops on the cross-start side.
  const hasSelfLoop = plans.some((plan) => plan.kind === 'self')
  const crossOrigin = PADDING + (hasSelfLoop ? LOOP_SIZE + 14 : 0)
  const mainOrigin = PADDING

  /** Centre of every slot, in (main, cross) coordinates. */
  const centres = new Map<string, { main: number; cross: number }>()
  slots.forEach((layer, layerIndex) => {
    let cross = crossOrigin + (crossExtent - layerExtent[layerIndex]!) / 2
    const main = mainOrigin + layerIndex * (mainSize + layerGap) + mainSize / 2
    for (const slot of layer) {
      const size = slotCross(slot)
      centres.set(slot.id, { main, cross: cross + size / 2 })
      cross += size + rowGap
    }
  })

  const nodes: LaidOutNode[] = graph.stages.map((_, index) => {
    const centre = centres.get(`s${index}`)!
    const topLeft = toScreen(orientation, centre.main - mainSize / 2, centre.cross - crossSize / 2)
    return {
      index,
      layer: layers[index]!,
      x: topLeft.x,
      y: topLeft.y,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    }
  })

  const screen = (main: number, cross: number) => toScreen(orientation, main, cross)
  let maxMain = mainOrigin + Math.max(0, layerCount) * (mainSize + layerGap) - layerGap
  let maxCross = crossOrigin + crossExtent
  const grow = (main: number, cross: number) => {
    maxMain = Math.max(maxMain, main)
    maxCross = Math.max(maxCross, cross)
  }

  const edges: LaidOutEdge[] = plans.map((plan) => {
    const from = centres.get(`s${plan.from}`)!
    const to = centres.get(`s${plan.to}`)!
    const spread = (plan.parallel % 2 === 0 ? 1 : -1) * Math.ceil(plan.parallel / 2) * 10

    if (plan.kind === 'self') {
      const crossTop = from.cross - crossSize / 2
      const a = screen(from.main - mainSize * 0.22, crossTop)
      const b = screen(from.main + mainSize * 0.22, crossTop)
      const height = LOOP_SIZE + plan.parallel * 8
      const c1 = screen(from.main - mainSize * 0.3, crossTop - height)
      const c2 = screen(from.main + mainSize * 0.3, crossTop - height)
      return {
        index: plan.index,
        kind: plan.kind,
        path: `M ${pt(a)} C ${pt(c1)} ${pt(c2)} ${pt(b)}`,
        labelAt: cubicPoint(a, c1, c2, b, 0.5),
      }
    }

    if (plan.kind === 'same-layer') {
      // Out of the forward side of one stage and into the forward side of the other.
      const bow = 46 + plan.parallel * 10
      const startMain = from.main + mainSize / 2
      const a = screen(startMain, from.cross + spread / 2)
      const b = screen(startMain, to.cross + spread / 2)
      const c1 = screen(startMain + bow, from.cross)
      const c2 = screen(startMain + bow, to.cross)
      grow(startMain + bow, 0)
      return {
        index: plan.index,
        kind: plan.kind,
        path: `M ${pt(a)} C ${pt(c1)} ${pt(c2)} ${pt(b)}`,
        labelAt: cubicPoint(a, c1, c2, b, 0.5),
      }
    }

    const back = plan.kind === 'back'
    // Forward edges leave from the forward side and arrive on the back
    // side; loops do the opposite, lower down, bowing outwards.
    const offset = (back ? BACK_OFFSET : 0) + spread
    const bow = back ? BACK_BOW : 0
    const direction = back ? -1 : 1
    const points = [
      { main: from.main + (direction * mainSize) / 2, cross: from.cross + offset },
      ...plan.waypoints.map((id) => {
        const centre = centres.get(id)!
        return { main: centre.main, cross: centre.cross + offset }
      }),
      { main: to.main - (direction * mainSize) / 2, cross: to.cross + offset },
    ]

    let path = `M ${pt(screen(points[0]!.main, points[0]!.cross))}`
    let label: Point | null = null
    for (let i = 0; i + 1 < points.length; i++) {
      const p = points[i]!
      const q = points[i + 1]!
      const half = (q.main - p.main) / 2
      const p0 = screen(p.main, p.cross)
      const p1 = screen(p.main + half, p.cross + bow)
      const p2 = screen(q.main - half, q.cross + bow)
      const p3 = screen(q.main, q.cross)
      grow(Math.max(p.main, q.main), Math.max(p.cross, q.cross) + bow)
      path += ` C ${pt(p1)} ${pt(p2)} ${pt(p3)}`
      // The label sits in the first gap the edge crosses.
      label ??= cubicPoint(p0, p1, p2, p3, 0.5)
    }
    return { index: plan.index, kind: plan.kind, path, labelAt: label! }
  })

  const size = toScreen(orientation, maxMain + PADDING, maxCross + PADDING)
  let width = Math.max(size.x, 120)
  let height = Math.max(size.y, 80)

  // Nudge labels off each other and off the stages.
  type Box = { left: number; top: number; right: number; bottom: number }
  const taken: Box[] = nodes.map((node) => ({
    left: node.x - 2,
    top: node.y - 2,
    right: node.x + node.width + 2,
    bottom: node.y + node.height + 2,
  }))
  const overlaps = (box: Box) =>
    taken.some(
      (other) =>
        box.left < other.right &&
        box.right > other.left &&
        box.top < other.bottom &&
        box.bottom > other.top
    )
  for (const edge of edges) {
    const text = edgeLabel(graph.transitions[edge.index]!)
    const half = (text.length * LABEL_CHAR_WIDTH + 8) / 2
    const boxAt = (point: Point): Box => ({
      left: point.x - half,
      top: point.y - LABEL_HEIGHT / 2,
      right: point.x + half,
      bottom: point.y + LABEL_HEIGHT / 2,
    })
    const shifts = [0, 1, -1, 2, -2, 3, -3, 4, -4]
    const step = horizontal ? LABEL_HEIGHT * 0.7 : 14
    const candidates = shifts.map((shift) =>
      horizontal
        ? { x: edge.labelAt.x, y: edge.labelAt.y + shift * step }
        : { x: edge.labelAt.x + shift * step * 2, y: edge.labelAt.y }
    )
    const chosen = candidates.find((point) => !overlaps(boxAt(point))) ?? edge.labelAt
    edge.labelAt = chosen
    const box = boxAt(chosen)
    taken.push(box)
    width = Math.max(width, box.right + 4)
    height = Math.max(height, box.bottom + 4)
  }

  return {
    width,
    height,
    nodes,
    edges,
    dangling,
  }
}
