import type { HttpContext } from '@adonisjs/core/http'
import WorkflowPolicy from '#policies/workflow_policy'
import { teamsOf } from '#support/access/workflow_access'
import { activePeople } from '#support/access/cached_rows'
import LoadBoard, {
  ACTIVE_CARDS_PER_COLUMN,
  CLOSED_CARDS_PER_COLUMN,
} from '#actions/board/load_board'
import BoardCardTransformer from '#transformers/board_card_transformer'
import PersonTransformer from '#transformers/person_transformer'
import { boardPageValidator } from '#validators/process_page'
import { plainItems } from '#support/plain_transform'

/**
 * A workflow's board: columns per stage, cards that move by dragging or
 * by a "Move to…" menu. Moves post to the process transition command with
 * the card's version and come back here.
 */
export default class BoardController {
  async show({ params, request, inertia, auth, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    const page = await request.validateUsing(boardPageValidator, { data: request.qs() })
    const board = await new LoadBoard().handle(params.key, user, page)
    // A column's "next cards" link carries its cursor; "first cards" drops it.
    const columnUrl = (column: string, after: string) =>
      `${request.url()}?${new URLSearchParams({ column, after }).toString()}`
    const people = await activePeople()

    return inertia.render('board/show', {
      workflow: {
        key: board.workflow.key,
        name: board.workflow.name,
        description: board.workflow.description,
        published: board.definition !== null,
      },
      columns: board.columns.map(({ next, ...column }) => ({
        ...column,
        nextUrl: next ? columnUrl(column.key, next) : null,
        firstUrl: column.paged ? request.url() : null,
      })),
      cards: plainItems(BoardCardTransformer, board.cards, {
        definitions: board.definitions ?? new Map(),
        viewer: user,
        viewerTeams: await teamsOf(user.id),
        now: Date.now(),
      }),
      fields: board.fields ?? [],
      people: plainItems(PersonTransformer, people),
      closedElsewhere: board.closedElsewhere,
      limits: { active: ACTIVE_CARDS_PER_COLUMN, closed: CLOSED_CARDS_PER_COLUMN },
      allowed: { move: await bouncer.with(WorkflowPolicy).allows('work', board.workflow) },
    })
  }
}
