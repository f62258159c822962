import { useEffect } from 'react'
import { useStore, type ReactFlowState } from '@xyflow/react'

/**
 * Whether React Flow has drawn what it was given: every stage measured with
 * its connection handles (edges are only drawn between measured handles)
 * and the initial "fit view" applied. Rendered inside <ReactFlow>.
 */
export function DrawnProbe({ onDrawn }: { onDrawn: (drawn: boolean) => void }) {
  const drawn = useStore(isDrawn)
  useEffect(() => onDrawn(drawn), [drawn, onDrawn])
  return null
}

function isDrawn(state: ReactFlowState): boolean {
  if (state.fitViewQueued || state.nodeLookup.size === 0) return false
  for (const [, node] of state.nodeLookup) {
    if (node.internals.handleBounds === undefined) return false
  }
  return true
}
