import {
  ASSIGNMENT_STRATEGIES,
  FIELD_TYPES,
  OUTCOMES,
  REJECT_POLICIES,
  ROLES,
  STAGE_TYPES,
  type StageType,
} from '#engine/definition'
import { MAX_EXPRESSION_LENGTH } from '#engine/expressions'
import { MAX_PATTERN_LENGTH } from '#engine/field_limits'
import {
  IDENTIFIER_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  SLUG_PATTERN,
} from '#engine/verifier/rules'
import { actionSchemas } from '#support/definition_schema/actions'
import { childrenSchemas } from '#support/definition_schema/children'

/**
 * The JSON Schema (draft 2020-12) of the workflow definition document,
 * built from the engine's own constants (stage and field types, outcomes,
 * roles, key patterns, limits). One source for two readers: the schema
 * served at /api/v1/definition.schema.json (for editors validating YAML
 * and JSON files) and the OpenAPI document's components, which take the
 * same schemas with their own `$ref` prefix — so the two cannot drift.
 *
 * The schema says what a document looks like; the verifier still checks
 * what it means (unique keys, transitions between known stages, every
 * stage reaching an end, expressions that type-check).
 */

export type Json = { [key: string]: unknown }
/** How a schema names another: `#/$defs/X` here, `#/components/schemas/X` in OpenAPI. */
export type Ref = (name: string) => Json

const IDENTIFIER = IDENTIFIER_PATTERN.source
const MAX_WHEN_MESSAGE_LENGTH = 200
const DURATION = '^[1-9][0-9]*[mhdw]$'
const SLA_DURATION = '^([1-9][0-9]*[mhdw]|[1-9][0-9]{0,5} working (day|hour|minute)s?)$'

const list = (items: Json): Json => ({ type: 'array', items })
const closed = (properties: Record<string, Json>, required: string[] = []): Json => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: false,
})
const key = (description?: string): Json => ({
  type: 'string',
  pattern: IDENTIFIER,
  maxLength: MAX_KEY_LENGTH,
  ...(description ? { description } : {}),
})
const name = { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH }
const email = { type: 'string', format: 'email', maxLength: MAX_EMAIL_LENGTH }
const expression = (description: string, example: string): Json => ({
  type: 'string',
  minLength: 1,
  maxLength: MAX_EXPRESSION_LENGTH,
  description,
  examples: [example],
})
/** `then` when the object's `type` property is one of `types`. */
const whenType = (types: readonly string[], then: Json, otherwise?: Json): Json => ({
  if: { properties: { type: { enum: [...types] } }, required: ['type'] },
  then,
  ...(otherwise ? { else: otherwise } : {}),
})

function stageSchemas(ref: Ref): Record<string, Json> {
  const only = (type: StageType) => STAGE_TYPES.filter((t) => t === type)
  return {
    DecisionRoute: {
      ...closed(
        {
          when: expression(
            'CEL condition over data, process, user and now; the first route that holds is taken.',
            'data.amount >= 1000'
          ),
          transition: key('Key of a transition leaving the decision stage.'),
        },
        ['when', 'transition']
      ),
      description: 'One way out of a decision stage.',
    },
    AssignmentStrategy: {
      type: 'string',
      enum: [...ASSIGNMENT_STRATEGIES],
      description: 'Assign a team member directly instead of queueing.',
    },
    StageApproval: {
      ...closed(
        {
          from: {
            oneOf: [
              closed({ team: key('A team key.') }, ['team']),
              closed({ role: ref('DefinitionRole') }, ['role']),
              closed({ users: { ...list(email), minItems: 1, maxItems: 100 } }, ['users']),
            ],
          },
          policy: {
            oneOf: [
              { type: 'string', enum: ['all', 'any'] },
              closed({ quorum: { type: 'integer', minimum: 1, maximum: 100 } }, ['quorum']),
            ],
          },
          approve: key('A transition leaving this stage, taken once approved.'),
          reject: key('A transition leaving this stage, taken once rejected.'),
          rejectPolicy: { type: 'string', enum: [...REJECT_POLICIES] },
          fourEyes: {
            type: 'boolean',
            description: 'The process’s creator may not vote (default true).',
          },
        },
        ['from', 'policy', 'approve', 'reject']
      ),
      description:
        'Approvals by several people; the engine takes `approve` or `reject` with the deciding vote.',
    },
    StageDefinition: {
      ...closed(
        {
          key: key(),
          name,
          type: { type: 'string', enum: [...STAGE_TYPES] },
          routes: {
            ...list(ref('DecisionRoute')),
            description:
              'Decision stages only: tried in order when a process enters; the first whose condition holds is taken.',
          },
          otherwise: key(
            'Decision stages only (required there): the transition taken when no route holds.'
          ),
          outcome: {
            ...ref('Outcome'),
            description: 'How a process ends here; only (and always) on end stages.',
          },
          sla: {
            ...ref('SlaDuration'),
            description: 'A process should leave the stage within it.',
          },
          slaClock: {
            type: 'string',
            enum: ['paused'],
            description:
              'Time spent in the stage does not count toward the due date: the SLA clock of the stage the process came from is held and resumes when it returns there.',
          },
          assignee: {
            ...closed({
              role: ref('DefinitionRole'),
              user: email,
              team: key('A team key: the process waits in the team’s queue.'),
              strategy: ref('AssignmentStrategy'),
            }),
            dependentRequired: { strategy: ['team'] },
          },
          fields: list(ref('FieldDefinition')),
          automatic: {
            ...closed(
              {
                after: ref('Duration'),
                transition: key('A transition leaving this stage.'),
              },
              ['after', 'transition']
            ),
            description: 'A transition the system runs once the process has waited this long.',
          },
          escalation: {
            ...closed({
              reassignRole: ref('DefinitionRole'),
              reassignUser: email,
              reassignTeam: key('A team key: back to its queue, or to a member with `strategy`.'),
              strategy: ref('AssignmentStrategy'),
              transition: key('A transition leaving this stage.'),
            }),
            dependentRequired: { strategy: ['reassignTeam'] },
            minProperties: 1,
            description: 'What happens when the SLA is breached (needs an `sla`).',
          },
          approval: ref('StageApproval'),
          actions: {
            ...list(ref('ActionDefinition')),
            description: 'Automated steps run, in order, when a process enters the stage.',
          },
          children: ref('StageChildren'),
        },
        ['key', 'name', 'type']
      ),
      ...whenType(
        only('end'),
        { required: ['outcome'] },
        whenType(only('decision'), { required: ['otherwise'] })
      ),
    },
  }
}

function fieldSchemas(ref: Ref): Record<string, Json> {
  const withOptions = (FIELD_TYPES as readonly string[]).filter(
    (type) => type === 'select' || type === 'multiselect'
  )
  return {
    FieldRules: {
      ...closed({
        min: {
          type: ['number', 'string'],
          description: 'Lowest number (or money amount), or earliest date (ISO).',
        },
        max: {
          type: ['number', 'string'],
          description: 'Highest number (or money amount), or latest date (ISO).',
        },
        minLength: {
          type: 'integer',
          minimum: 0,
          description: 'Fewest characters (or options chosen).',
        },
        maxLength: {
          type: 'integer',
          minimum: 0,
          description: 'Most characters (or options chosen).',
        },
        pattern: {
          type: 'string',
          minLength: 1,
          maxLength: MAX_PATTERN_LENGTH,
          description:
            'An RE2 regular expression (linear time) the text must match anywhere; anchor with ^…$.',
        },
      }),
      description: 'Limits on a field’s value, checked wherever data is written.',
    },
    FieldDefinition: {
      ...closed(
        {
          key: key(),
          label: name,
          type: { type: 'string', enum: [...FIELD_TYPES] },
          required: {
            type: 'boolean',
            description: 'Must be filled before any transition leaves the stage.',
          },
          options: {
            ...list({ type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH }),
            minItems: 1,
            uniqueItems: true,
            description: `The allowed values; only (and always) on ${withOptions.map((t) => `"${t}"`).join(' and ')} fields.`,
          },
          currency: {
            type: 'string',
            pattern: '^[A-Z]{3}$',
            description: 'Money fields: the ISO 4217 currency when a value gives none.',
          },
          rules: ref('FieldRules'),
          visibleWhen: expression(
            'CEL condition: the field is shown (and can be required) only while it holds.',
            "data.kind == 'travel'"
          ),
          requiredWhen: expression(
            'CEL condition: the field is required while it holds (and it is visible).',
            'data.amount > 500'
          ),
          default: { description: 'The value a process starts with when none is given.' },
          searchable: {
            type: 'boolean',
            description:
              'Written to the search index: list filters (`?data.<key>[gt]=…`) and free text. Not on multiselect or list fields.',
          },
          fields: {
            ...list(ref('FieldDefinition')),
            minItems: 1,
            description:
              'List fields only (and always): the columns of each row; not lists themselves.',
          },
        },
        ['key', 'label', 'type']
      ),
      ...(withOptions.length ? whenType(withOptions, { required: ['options'] }) : {}),
    },
  }
}

/** Every schema of the definition document, by name, naming each other through `ref`. */
export function definitionSchemas(ref: Ref): Record<string, Json> {
  return {
    Duration: {
      type: 'string',
      pattern: DURATION,
      description: 'A positive whole number and a unit: m, h, d or w, e.g. "30m", "2d".',
    },
    SlaDuration: {
      type: 'string',
      pattern: SLA_DURATION,
      description:
        'Wall-clock ("30m", "2d") or working time in the workflow\'s business calendar ("2 working days", "16 working hours", "90 working minutes").',
    },
    DefinitionRole: { type: 'string', enum: [...ROLES] },
    Outcome: { type: 'string', enum: [...OUTCOMES] },
    ...fieldSchemas(ref),
    ...stageSchemas(ref),
    TransitionDefinition: closed(
      {
        key: key(),
        from: key('Key of a stage (not an end stage).'),
        to: key('Key of a stage.'),
        label: { type: 'string', maxLength: MAX_NAME_LENGTH },
        roles: {
          ...list(ref('DefinitionRole')),
          description:
            'Roles allowed to run it; absent means every role. Admins may always run it.',
        },
        teams: {
          ...list({ type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
          description: 'Keys of teams whose members may run it, beside `roles` (either allows).',
        },
        requires: {
          ...list({ type: 'string' }),
          description: 'Keys of fields that must be filled first.',
        },
        when: expression(
          'CEL condition over data, process, user and now that must hold for the transition to run (else 422 guard_failed).',
          'data.amount < 2000'
        ),
        whenMessage: {
          type: 'string',
          maxLength: MAX_WHEN_MESSAGE_LENGTH,
          description: 'Message of the guard_failed refusal when `when` does not hold.',
        },
        actions: {
          ...list(ref('ActionDefinition')),
          description:
            'Automated steps run, in order, when the transition is taken (before the target stage’s).',
        },
      },
      ['key', 'from', 'to']
    ),
    WorkflowDefinition: {
      ...closed(
        {
          key: { type: 'string', pattern: SLUG_PATTERN.source, maxLength: MAX_KEY_LENGTH },
          name,
          description: { type: 'string', maxLength: MAX_DESCRIPTION_LENGTH },
          stages: { ...list(ref('StageDefinition')), minItems: 2 },
          transitions: { ...list(ref('TransitionDefinition')), minItems: 1 },
        },
        ['key', 'name', 'stages', 'transitions']
      ),
      description:
        'A workflow definition document. Besides this shape the verifier checks the graph: one start stage, at least one end stage, unique keys, known stages/fields/transitions, every stage reachable and able to reach an end. Every problem is reported at once with its JSON path.',
    },
    ...actionSchemas(ref),
    ...childrenSchemas(),
  }
}

/**
 * The standalone JSON Schema document (draft 2020-12) of a definition
 * file, served at /api/v1/definition.schema.json. `id` is its own URL.
 */
export function definitionJsonSchema(id?: string): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(id ? { $id: id } : {}),
    title: 'Stageflow workflow definition',
    description:
      'A workflow definition document (JSON or YAML). The verifier checks more than this shape when the document is saved: see the README, "Workflow definitions".',
    $ref: '#/$defs/WorkflowDefinition',
    $defs: definitionSchemas((schema) => ({ $ref: `#/$defs/${schema}` })),
  }
}
