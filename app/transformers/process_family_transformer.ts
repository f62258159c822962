import { BaseTransformer } from '@adonisjs/core/transformers'
import type { Family } from '#actions/processes/children/load_family'

/**
 * A process's parent and children for its page: the tree, the breadcrumb,
 * and the "Waiting on" lines of a children stage (kinds `children` and
 * `children_attention`).
 */
export default class ProcessFamilyTransformer extends BaseTransformer<Family> {
  toObject() {
    const family = this.resource
    const waits: (
      | { kind: 'children'; finished: number; total: number; running: string[] }
      | { kind: 'children_attention'; error: string }
    )[] = []
    if (family.waiting) waits.push({ kind: 'children', ...family.waiting })
    if (family.attention) waits.push({ kind: 'children_attention', error: family.attention })
    return { parent: family.parent, children: family.children, waits }
  }
}
