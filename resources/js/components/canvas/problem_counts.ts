import { problemTarget } from '../workflows/problem_paths.ts'

/** How many verifier problems each stage and transition has, by index. */
export function problemCounts(problems: readonly { path: string }[]) {
  const stages = new Map<number, number>()
  const transitions = new Map<number, number>()
  for (const problem of problems) {
    const target = problemTarget(problem.path)
    if (target.kind === 'stage' || target.kind === 'field') {
      stages.set(target.stage, (stages.get(target.stage) ?? 0) + 1)
    }
    if (target.kind === 'transition') {
      transitions.set(target.transition, (transitions.get(target.transition) ?? 0) + 1)
    }
  }
  return { stages, transitions }
}
