import type { EditorDocument } from './designer_state.ts'
import type { ExpressionField } from './expression_completion.ts'
import { optionList } from './field_settings.ts'

/**
 * The fields expressions may read (`data.<key>`): those of every stage the
 * document keeps fields for (decision stages have none), first one per key.
 */
export function expressionFieldsOf(doc: EditorDocument): ExpressionField[] {
  const seen = new Map<string, ExpressionField>()
  for (const stage of doc.stages) {
    if (stage.type === 'decision') continue
    for (const field of stage.fields) {
      if (!field.key || seen.has(field.key)) continue
      seen.set(field.key, {
        key: field.key,
        label: field.label,
        type: field.type,
        options: optionList(field.options),
        currency: field.currency.trim(),
      })
    }
  }
  return [...seen.values()]
}
