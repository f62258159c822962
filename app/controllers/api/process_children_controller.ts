import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import { loadProcess } from '#actions/processes/load_process'
import ListChildren from '#actions/processes/children/list_children'
import ProcessTransformer from '#transformers/process_transformer'
import { serialize } from '#support/api_serializer'

/** A process's child processes (stages with `children`). */
export default class ProcessChildrenController {
  async index({ params, bouncer }: HttpContext) {
    const process = await loadProcess(params.id)
    await bouncer.with(ProcessPolicy).authorize('view')
    const { children, definitions } = await new ListChildren().handle(process.id)
    const rows = await serialize(ProcessTransformer.transform(children, { definitions }))
    return {
      data: rows.data.map((row, i) => ({
        ...row,
        index: children[i]!.parentIndex ?? 0,
        entrySequence: children[i]!.parentSequence ?? 1,
      })),
    }
  }
}
