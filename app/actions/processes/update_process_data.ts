import { fieldDeclarations, validateProcessData } from '#engine/data'
import { InvalidProcessData } from '#exceptions/process_errors'
import { definitionOf } from '#support/definitions'
import ProcessCommand, { type CommandBase } from '#actions/processes/process_command'

/** Changes an open process's data, validated against its version's fields. */
export default class UpdateProcessData extends ProcessCommand<
  CommandBase & { data: Record<string, unknown> }
> {
  protected async eventFor(params: CommandBase & { data: Record<string, unknown> }) {
    this.ensureOpen(params.process)
    const definition = await definitionOf(params.process.workflowVersionId)
    const validation = validateProcessData(fieldDeclarations(definition), params.data)
    if (!validation.valid) throw new InvalidProcessData(validation.errors)
    return { type: 'data_updated', payload: { patch: validation.value } }
  }
}
