import { useI18n } from '../../lib/i18n.ts'
import { problemTarget } from './problem_paths.ts'

type Named = { key?: string; name?: string; label?: string }

/**
 * Where a problem is, in words: "Stage 3 “Review” › Field 1 › Key". Names
 * come from the document when the caller has it (the designer); an import
 * that failed only has positions.
 */
export function useProblemLocation(document?: {
  stages?: (Named & { fields?: Named[] })[]
  transitions?: Named[]
}) {
  const { t } = useI18n()
  const property = (name: string | null) => {
    if (!name) return null
    const key = `designer.properties.${name}`
    const text = t(key)
    // Properties the designer does not know (from an imported file) keep their own name.
    return text === key ? name : text
  }
  const named = (base: string, item: Named | undefined) => {
    const name = item?.name?.trim() || item?.label?.trim() || item?.key?.trim()
    return name ? `${base} “${name}”` : base
  }

  return (path: string): string => {
    const target = problemTarget(path)
    const parts: (string | null)[] = []
    switch (target.kind) {
      case 'workflow':
        parts.push(t('designer.location.workflow'), property(target.property))
        break
      case 'stages':
        parts.push(t('designer.location.stages'))
        break
      case 'transitions':
        parts.push(t('designer.location.transitions'))
        break
      case 'stage':
        parts.push(
          named(
            t('designer.location.stage', { number: target.stage + 1 }),
            document?.stages?.[target.stage]
          ),
          property(target.property)
        )
        break
      case 'field': {
        const stage = document?.stages?.[target.stage]
        parts.push(
          named(t('designer.location.stage', { number: target.stage + 1 }), stage),
          named(
            t('designer.location.field', { number: target.field + 1 }),
            stage?.fields?.[target.field]
          ),
          property(target.property)
        )
        break
      }
      case 'transition':
        parts.push(
          named(
            t('designer.location.transition', { number: target.transition + 1 }),
            document?.transitions?.[target.transition]
          ),
          property(target.property)
        )
        break
    }
    return parts.filter(Boolean).join(' › ')
  }
}

export function ProblemLocation({ path }: { path: string }) {
  const locate = useProblemLocation()
  return <strong className="wf-location">{locate(path)}: </strong>
}
