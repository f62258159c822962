import type { HttpContext } from '@adonisjs/core/http'
import ProcessPolicy from '#policies/process_policy'
import { loadVisibleProcess } from '#actions/processes/load_process'
import { hiddenWorkflowIds } from '#support/access/workflow_access'
import ListChildren from '#actions/processes/children/list_children'
import ProcessTransformer from '#transformers/process_transformer'
import { serialize } from '#support/api_serializer'

/** A process's child processes (stages with `children`). */
export default class ProcessChildrenController {
  async index({ params, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const process = await loadVisibleProcess(params.id, user)
    await bouncer.with(ProcessPolicy).authorize('view', process)
    // Children of a workflow the viewer may not see are left out, like everywhere else.
    const hidden = new Set(await hiddenWorkflowIds(user))
    const listed = await new ListChildren().handle(process.id)
    const children = listed.children.filter((child) => !hidden.has(child.workflowId))
    const definitions = listed.definitions
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
