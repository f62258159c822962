import {
  answer,
  authenticated,
  list,
  ok,
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Sub-processes: a process's children. */
export function childrenSchemas(): Record<string, Json> {
  return {
    ProcessChild: {
      allOf: [
        ref('Process'),
        answer({
          index: { type: 'integer', minimum: 0, description: 'Position among its siblings.' },
          entrySequence: {
            type: 'integer',
            minimum: 1,
            description: 'The parent’s event that entered the stage starting it.',
          },
        }),
      ],
    },
    ProcessChildListResponse: answer({ data: list(ref('ProcessChild')) }),
  }
}

export function childrenPaths(): Record<string, Json> {
  return {
    '/api/v1/processes/{id}/children': {
      parameters: [parameter('ProcessId')],
      get: {
        operationId: 'api.processes.children.index',
        summary: 'The child processes a process started, by stage entry and position',
        tags: ['processes'],
        responses: {
          '200': ok('The children (closed ones included).', 'ProcessChildListResponse'),
          ...authenticated,
          '403': response('Forbidden'),
          '404': response('NotFound'),
        },
      },
    },
  }
}
