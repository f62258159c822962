import { OUTCOMES, type Outcome } from '#engine/definition'
import { at } from '#engine/verifier/rules'
import { type Verification } from '#engine/verifier/verification'

/**
 * Reachability checks (decision stages count by their routes) plus the per-stage outcome report. Checks that depend
 * on a missing start or end stage are skipped: that problem is already
 * reported, and flagging every stage on top would bury it.
 */
export function analyseGraph(run: Verification): Record<string, Outcome[]> {
  const nodes = [...run.stagesByKey.values()]
  const forward = new Map<string, Set<string>>()
  const backward = new Map<string, Set<string>>()
  for (const node of nodes) {
    forward.set(node.key, new Set())
    backward.set(node.key, new Set())
  }
  for (const edge of run.edges) {
    // A decision stage is left only by the transitions its routes take.
    const routed = run.routedTransitions.get(edge.from)
    if (routed && (edge.key === undefined || !routed.has(edge.key))) continue
    forward.get(edge.from)!.add(edge.to)
    backward.get(edge.to)!.add(edge.from)
  }

  const starts = nodes.filter((node) => node.type === 'start')
  if (starts.length === 1) {
    const reachable = closure([starts[0].key], forward)
    for (const node of nodes) {
      if (!reachable.has(node.key)) {
        run.report(
          at('$.stages', node.index),
          'unreachable_stage',
          `Stage "${node.key}" cannot be reached from the start stage "${starts[0].key}".`
        )
      }
    }
  }

  const ends = nodes.filter((node) => node.type === 'end')
  if (ends.length > 0) {
    const canFinish = closure(
      ends.map((node) => node.key),
      backward
    )
    for (const node of nodes) {
      if (canFinish.has(node.key)) continue
      if (forward.get(node.key)!.size === 0) {
        run.report(
          at('$.stages', node.index),
          'dead_end_stage',
          `Stage "${node.key}" is not an end stage but no transition leaves it, so processes would get stuck there.`
        )
      } else {
        run.report(
          at('$.stages', node.index),
          'no_path_to_end',
          `No end stage can be reached from stage "${node.key}", so processes entering it could never finish.`
        )
      }
    }
  }

  const outcomes: Record<string, Outcome[]> = {}
  for (const node of nodes) outcomes[node.key] = []
  // Walk backwards from each outcome's end stages; OUTCOMES is iterated in
  // alphabetical order so every list comes out sorted.
  for (const outcome of [...OUTCOMES].sort()) {
    const targets = ends.filter((node) => node.outcome === outcome).map((node) => node.key)
    for (const stageKey of closure(targets, backward)) outcomes[stageKey].push(outcome)
  }
  return outcomes
}

/** Every node reachable from `roots` (inclusive) following `edges`. */
function closure(roots: string[], edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(roots)
  const queue = [...roots]
  while (queue.length > 0) {
    const current = queue.pop()!
    for (const next of edges.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}
