import type { ReactNode } from 'react'
import { ProblemsContext } from './designer_problems.tsx'
import { ExpressionFieldsContext } from './expression_input.tsx'
import type { ExpressionField } from './expression_completion.ts'
import type { ProblemIndex } from './problem_index.ts'

/**
 * What every control of the designer may need without prop drilling: the
 * verifier's problems (by row and control) and the workflow's fields (for
 * expression inputs).
 */
export function DesignerProviders(props: {
  problems: ProblemIndex
  fields: readonly ExpressionField[]
  children: ReactNode
}) {
  return (
    <ProblemsContext value={props.problems}>
      <ExpressionFieldsContext value={props.fields}>{props.children}</ExpressionFieldsContext>
    </ProblemsContext>
  )
}
