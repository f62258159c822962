/**
 * The canvas editor's messages (`canvas_editor.*`), loaded with the designer
 * and canvas chunks rather than with every page.
 */
import { registerMessages } from './i18n.ts'

registerMessages(
  import.meta.glob<Record<string, unknown>>('../../lang/*/canvas/*.json', {
    eager: true,
    import: 'default',
  })
)
