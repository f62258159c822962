import { useI18n } from '../../lib/i18n.ts'
import type { EditorDocument } from './designer_state.ts'
import {
  focusElement,
  focusTargetId,
  useProblemMessage,
  type DesignerProblem,
} from './designer_problems.tsx'
import { useProblemLocation } from './problem_location.tsx'

/**
 * Every problem of the document in one list; each link moves focus to the
 * control (or row) the problem is about.
 */
export function ProblemSummary(props: {
  problems: readonly DesignerProblem[]
  doc: EditorDocument
  headingId: string
}) {
  const { t } = useI18n()
  const message = useProblemMessage()
  const locate = useProblemLocation(props.doc)
  const count = props.problems.length

  return (
    <section
      className={`card wf-problem-summary${count ? ' has-problems' : ''}`}
      aria-labelledby={props.headingId}
    >
      <h2 id={props.headingId} tabIndex={-1}>
        {count === 0 ? t('designer.summary.none') : t('designer.summary.title', { count })}
      </h2>
      {count === 0 ? (
        <p className="wf-muted">{t('designer.summary.noneBody')}</p>
      ) : (
        <ul>
          {props.problems.map((problem, index) => {
            const target = focusTargetId(problem, props.doc)
            return (
              <li key={`${problem.path}-${index}`}>
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    event.preventDefault()
                    focusElement(target)
                  }}
                >
                  {locate(problem.path)}
                </a>
                <span>{message(problem)}</span>
                {problem.fromServer && (
                  <span className="badge">{t('designer.summary.fromServer')}</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
