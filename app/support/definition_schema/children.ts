import { MAX_CHILDREN } from '#engine/children'
import { MAX_EXPRESSION_LENGTH } from '#engine/expressions'
import { MAX_KEY_LENGTH, SLUG_PATTERN } from '#engine/verifier/rules'
import type { Json } from '#support/definition_schema'

/**
 * The schema of a stage's `children` (app/engine/definition.ts
 * StageChildren, checked by app/engine/verifier/children.ts).
 */
export function childrenSchemas(): Record<string, Json> {
  const cel = (description: string, example: string): Json => ({
    type: 'string',
    minLength: 1,
    maxLength: MAX_EXPRESSION_LENGTH,
    description,
    examples: [example],
  })
  return {
    StageChildren: {
      type: 'object',
      properties: {
        workflow: {
          type: 'string',
          pattern: SLUG_PATTERN.source,
          maxLength: MAX_KEY_LENGTH,
          description:
            'Key of the child workflow; its latest published version is started. It must be published when this workflow is.',
        },
        forEach: cel('CEL list over `data`: one child per item.', 'data.items'),
        count: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_CHILDREN,
          description: 'How many children to start (instead of forEach).',
        },
        title: cel(
          'CEL string over `data`, `item`, `index`: each child’s title.',
          '"Ship " + item.sku'
        ),
        data: {
          type: 'object',
          additionalProperties: cel('CEL over `data`, `item`, `index`.', 'item.qty'),
          description: 'Child field → its value.',
        },
        wait: {
          oneOf: [
            { type: 'string', enum: ['all', 'any'] },
            {
              type: 'object',
              properties: { quorum: { type: 'integer', minimum: 1 } },
              required: ['quorum'],
              additionalProperties: false,
            },
          ],
          description: 'How many children must complete (default "all").',
        },
        onComplete: {
          type: 'string',
          description: 'Transition (leaving the stage) taken once the wait is met.',
        },
        onChildFailure: {
          type: 'string',
          description:
            'Transition taken once too many children failed or were cancelled, or "ignore" (they count as finished).',
        },
        collect: {
          type: 'string',
          description: 'A list field receiving each finished child’s data, in child order.',
        },
      },
      required: ['workflow', 'onComplete'],
      oneOf: [{ required: ['forEach'] }, { required: ['count'] }],
      additionalProperties: false,
      description:
        'Child processes started when a process enters the stage; the stage waits for them.',
    },
  }
}
