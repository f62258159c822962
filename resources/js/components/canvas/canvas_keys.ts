/**
 * The canvas's keyboard model: arrow keys move the focus to the nearest
 * stage in that direction, Enter opens the focused stage or transition,
 * Delete removes it, C connects the focused stage to another one.
 */
import type { CanvasEditor } from './workflow_canvas.tsx'

type Box = { x: number; y: number; width: number; height: number }

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
}

/**
 * The stage nearest to `from` in the arrow's direction (centres compared;
 * sideways distance weighs double), or null at the edge.
 */
export function nearestInDirection(boxes: readonly Box[], from: number, key: string) {
  const direction = DIRECTIONS[key]
  const origin = boxes[from]
  if (!direction || !origin) return null
  const centre = (box: Box) => [box.x + box.width / 2, box.y + box.height / 2] as const
  const [ox, oy] = centre(origin)
  let best: { index: number; score: number } | null = null
  boxes.forEach((box, index) => {
    if (index === from) return
    const [x, y] = centre(box)
    const ahead = (x - ox) * direction[0] + (y - oy) * direction[1]
    if (ahead <= 1) return
    const sideways = Math.abs((x - ox) * direction[1] + (y - oy) * direction[0])
    const score = ahead + 2 * sideways
    if (!best || score < best.score) best = { index, score }
  })
  return (best as { index: number } | null)?.index ?? null
}

/** The stage or transition a key event came from, by its React Flow id (`s3`, `t1`). */
function elementOf(target: EventTarget | null) {
  const element = (target as HTMLElement | null)?.closest?.('.react-flow__node, .react-flow__edge')
  const match = /^([st])(\d+)$/.exec(element?.getAttribute('data-id') ?? '')
  if (!match) return null
  return {
    kind: match[1] === 's' ? ('stage' as const) : ('transition' as const),
    index: Number(match[2]),
  }
}

/** Handles a key on the canvas (capture phase, before React Flow's own). */
export function onCanvasKey(
  event: React.KeyboardEvent<HTMLElement>,
  editor: CanvasEditor,
  boxes: readonly Box[],
  root: HTMLElement
) {
  if (event.ctrlKey || event.metaKey || event.altKey) return
  const at = elementOf(event.target)
  if (!at) return
  const handled = () => {
    event.preventDefault()
    event.stopPropagation()
  }
  if (at.kind === 'stage' && event.key in DIRECTIONS) {
    handled()
    const next = nearestInDirection(boxes, at.index, event.key)
    if (next !== null)
      root.querySelector<HTMLElement>(`.react-flow__node[data-id="s${next}"]`)?.focus()
  } else if (event.key === 'Enter' || event.key === ' ') {
    handled()
    editor.onOpen(at)
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    handled()
    editor.onDelete(at)
  } else if (at.kind === 'stage' && event.key.toLowerCase() === 'c') {
    handled()
    editor.onConnectFrom(at.index)
  }
}
