import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { processAutomation } from '#automation/process_automation'
import User from '#models/user'
import type Process from '#models/process'
import ProcessPolicy from '#policies/process_policy'
import ListProcesses from '#actions/processes/list_processes'
import { dataFiltersOfUrl } from '#actions/search/data_filters'
import { countedViews, countsById, listedViewsOf, viewCounts } from '#actions/views/visible_views'
import { defaultColumnsOf } from '#enums/process_list'
import { chosenColumns, columnOptions, loadFieldValues } from '#actions/process_pages/list_columns'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import { loadVisibleProcess } from '#actions/processes/load_process'
import { archivedByReference, archivedStubFor } from '#actions/archives/find_archived'
import ArchivedProcessTransformer from '#transformers/archived_process_transformer'
import { NotFound } from '#exceptions/domain_error'
import AssignProcess from '#actions/processes/assign_process'
import CancelProcess from '#actions/processes/cancel_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import UpdateProcessData from '#actions/processes/update_process_data'
import ListProcessPage, { type ProcessPageParams } from '#actions/process_pages/list_process_page'
import LoadProcessPage, { TIMELINE_LIMIT } from '#actions/process_pages/load_process_page'
import LoadFamily from '#actions/processes/children/load_family'
import ProcessFamilyTransformer from '#transformers/process_family_transformer'
import { publishedWorkflows } from '#actions/process_pages/published_workflows'
import { listOptions } from '#actions/process_pages/list_options'
import { plainItem, plainItems, plainVariant } from '#support/plain_transform'
import { loadCollaboration } from '#actions/process_pages/load_collaboration'
import ExportProcessList from '#actions/process_pages/export_process_list'
import { stageOf } from '#engine/state_machine'
import { listRowOf } from '#transformers/process_transformer'
import ProcessPageTransformer, { visitSlaRecord } from '#transformers/process_page_transformer'
import ProcessActivityTransformer from '#transformers/process_activity_transformer'
import PersonTransformer from '#transformers/person_transformer'
import WorkflowOptionTransformer from '#transformers/workflow_option_transformer'
import { definitionOf } from '#support/definitions'
import { asDownload } from '#support/download'
import { hiddenWorkflowIds, teamsOf } from '#support/access/workflow_access'
import { activePeople } from '#support/access/cached_rows'
import {
  assignProcessValidator,
  cancelProcessValidator,
  commentProcessValidator,
  listProcessesValidator,
  startProcessValidator,
} from '#validators/process'
import {
  processPageFiltersValidator,
  timelinePageValidator,
  transitionFromPageValidator,
  updateDataFromPageValidator,
} from '#validators/process_page'

/** Query-string keys of the list that survive pagination and feed the export. */
const FILTER_KEYS = [
  'workflow',
  'stage',
  'status',
  'assignee',
  'priority',
  'overdue',
  'dueSoon',
  'createdFrom',
  'createdTo',
  'q',
  'sort',
  'direction',
  'parent',
] as const

/**
 * The browser pages of processes: the list (with its CSV export), the
 * start form, the process page and its commands. Commands call the
 * engine's actions with the version the page showed and go back to the
 * page they came from; the engine's errors (409, 422) come back there as
 * a flash message and field errors (see the exception handler).
 */
export default class ProcessPagesController {
  async index({ request, inertia, auth, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    // Every prop is a function, evaluated once when a prop asks: the deferred request for the
    // views' counts (a partial reload) counts the views, and validates, builds and queries
    // nothing of the list's own.
    let listing: ReturnType<ProcessPagesController['listing']> | undefined
    const list = () => (listing ??= this.listing(request, user))
    let rows: ReturnType<ListProcessPage['keysetPage']> | undefined
    const page = async () => {
      const { params } = await list()
      return (rows ??= new ListProcessPage().keysetPage(params, user.id))
    }
    type Listing = Awaited<ReturnType<ProcessPagesController['listing']>>
    const listed =
      <K extends keyof Listing>(key: K) =>
      async () => {
        const found = await list()
        return found[key]
      }
    const option =
      <K extends keyof Listing['options']['props']>(key: K) =>
      async () => {
        const { options } = await list()
        return options.props[key]
      }
    // What the views' counts need, cached: their models are built only for the `views` prop.
    const counted = await countedViews(user)
    const policy = bouncer.with(ProcessPolicy)

    // Transformers' plain output (#support/plain_transform): the same props, without the resolver.
    return inertia.render('processes/index', {
      processes: async () => {
        const { processes, definitions, meta } = await page()
        const { pageUrl } = await list()
        // Rows, not models (`listedRows`): each as ProcessTransformer shows a process.
        return {
          data: processes.map((p) => listRowOf(p, p.assignee, definitions)),
          metadata: {
            total: meta.total,
            capped: meta.capped,
            perPage: meta.perPage,
            firstPageUrl: pageUrl({}),
            nextPageUrl: meta.next ? pageUrl({ after: meta.next }) : null,
            previousPageUrl: meta.previous ? pageUrl({ before: meta.previous }) : null,
          },
        }
      },
      filters: listed('filters'),
      columns: listed('columns'),
      columnOptions: listed('available'),
      activeView: async () => {
        const { display } = await list()
        return display.view ? Number(display.view) : null
      },
      fieldValues: async () => {
        const { processes } = await page()
        const { columns, definition } = await list()
        return loadFieldValues(
          processes.map((p) => p.id),
          columns,
          definition
        )
      },
      workflows: option('workflows'),
      searchFields: option('searchFields'),
      views: () => listedViewsOf(user),
      // One capped count per view: after the page, in a request of their own (Inertia's deferred props).
      viewCounts: counted.length
        ? inertia.defer(async () => countsById(await viewCounts(counted, user)), 'viewCounts')
        : {},
      myTeams: () => teamsOf(user.id),
      people: option('people'),
      allowed: async () => ({
        start: await policy.allows('start'),
        bulk: await policy.allows('bulk'),
      }),
      archived: async () => {
        const { filters, params } = await list()
        const hidden = params.hiddenWorkflows ?? []
        return plainItems(
          ArchivedProcessTransformer,
          filters.q ? await archivedByReference(String(filters.q), hidden) : []
        )
      },
    })
  }

  /**
   * What the list page shows for the query string: its parameters and
   * filters (`listParams`), the filter options (built once per access
   * epoch), the columns and the links' parameters.
   */
  protected async listing(request: HttpContext['request'], user: User) {
    const { params, filters } = await this.listParams(request, user)
    const options = await listOptions(params.hiddenWorkflows ?? [])
    // Data columns come from the searchable fields of the workflow filtered on.
    const filtered = filters.workflow ? options.workflows.get(filters.workflow) : undefined
    const definition = filtered ? options.definitions.get(filtered.id) : undefined
    const available = columnOptions(definition)
    const defaults = defaultColumnsOf(filters)
    const columns = chosenColumns(request.qs().columns, available, defaults)
    const display = this.displayParams(request, columns, defaults)
    const pageUrl = (cursor: Record<string, string>) =>
      `${request.url()}?${new URLSearchParams({ ...filters, ...display, ...cursor }).toString()}`
    return { params, filters, options, definition, available, columns, display, pageUrl }
  }

  /**
   * The current filter as CSV, streamed in batches: memory holds one batch,
   * not the whole result.
   */
  async export({ request, response, auth }: HttpContext) {
    const { params } = await this.listParams(request, auth.getUserOrFail())
    const now = DateTime.now()
    asDownload(
      response,
      `processes-${now.toFormat('yyyyMMdd-HHmm')}.csv`,
      'text/csv; charset=utf-8'
    )
    response.stream(
      Readable.from(new ExportProcessList().lines(params, auth.getUserOrFail().id, now))
    )
  }

  async create({ request, inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('start')
    const startable = await hiddenWorkflowIds(auth.getUserOrFail(), 'start')
    const options = await publishedWorkflows(startable)
    const people = await activePeople()
    const requested = String(request.qs().workflow ?? '')
    return inertia.render('processes/create', {
      workflows: WorkflowOptionTransformer.transform(
        options.workflows,
        options.definitions
      ).useVariant('forStart'),
      people: PersonTransformer.transform(people),
      selected: options.workflows.some((w) => w.key === requested) ? requested : null,
    })
  }

  async store({ request, response, auth, bouncer, session, i18n }: HttpContext) {
    await bouncer.with(ProcessPolicy).authorize('start')
    const input = await request.validateUsing(startProcessValidator)
    const { process } = await new StartProcess().handle({
      workflowKey: input.workflow,
      title: input.title,
      data: input.data,
      assigneeId: input.assignee,
      priority: input.priority,
      idempotencyKey: input.idempotencyKey,
      actor: auth.getUserOrFail(),
    })
    session.flash('success', i18n.t('processes.flash.started', { reference: process.reference }))
    return response.redirect().toRoute('processes.show', { id: process.id })
  }

  async show({ params, request, inertia, auth, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    const page = await request.validateUsing(timelinePageValidator, { data: request.qs() })
    const loaded = await new LoadProcessPage()
      .handle(params.id, user, { before: page.before })
      .catch(async (error) => {
        // An archived process: its stub says where it lives (404 if none, or not visible).
        const stub = error instanceof NotFound ? await archivedStubFor(params.id, user) : null
        if (!stub) throw error
        return stub
      })
    if (!('process' in loaded)) {
      return inertia.render('processes/archived', {
        archived: ArchivedProcessTransformer.transform(loaded),
      })
    }
    const { process, events, timeline, definitions, people, rows } = loaded
    const policy = bouncer.with(ProcessPolicy)
    await policy.authorize('view', process)

    const open = process.status === 'active'
    const can = {
      transition: open && (await policy.allows('transition', process)),
      updateData: open && (await policy.allows('updateData', process)),
      claim:
        open && process.assigneeId !== user.id && (await policy.allows('assign', process, user.id)),
      release:
        open && process.assigneeId !== null && (await policy.allows('assign', process, null)),
      // 0 stands for "someone other than me": only leads may assign others.
      assign: open && (await policy.allows('assign', process, 0)),
      cancel: open && (await policy.allows('cancel', process)),
      comment: await policy.allows('comment', process),
    }

    const automation = await processAutomation(process.id, rows)
    const team = await loadCollaboration(process, definitions.get(process.workflowVersionId), user)
    const family = await new LoadFamily().handle(process, rows)
    return inertia.render('processes/show', {
      family: plainItem(ProcessFamilyTransformer, family),
      process: plainVariant(ProcessPageTransformer, 'forPage', process, {
        definitions,
        viewer: user,
        viewerTeams: await teamsOf(user.id),
        automation,
        approval: team.approval,
        sla: visitSlaRecord(events),
      }),
      automation,
      timeline: plainItems(ProcessActivityTransformer, timeline, {
        processes: new Map([[process.id, process]]),
        definitions,
        people: new Map(people.map((p) => [p.id, { id: p.id, name: p.name }])),
      }),
      timelineTotal: process.version,
      timelineLimit: TIMELINE_LIMIT,
      // Keyset links: older events before the last one shown; back to the latest.
      timelineOlderUrl:
        timeline.length === TIMELINE_LIMIT && timeline.at(-1)!.sequence > 1
          ? `${request.url()}?before=${timeline.at(-1)!.sequence}`
          : null,
      timelineLatestUrl: page.before === undefined ? null : request.url(),
      people: plainItems(PersonTransformer, people),
      allowed: { ...can, ...team.allowed },
    })
  }

  async transition({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('transition', process)
    const input = await request.validateUsing(transitionFromPageValidator)
    const result = await new TransitionProcess().handle({
      process,
      transition: input.transition,
      expectedVersion: input.expectedVersion,
      data: input.data,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey,
      actor: auth.getUserOrFail(),
    })
    session.flash(
      'success',
      i18n.t('processes.flash.transitioned', {
        reference: result.process.reference,
        stage: await stageName(result.process),
      })
    )
    return response.redirect().back()
  }

  async updateData({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('updateData', process)
    const input = await request.validateUsing(updateDataFromPageValidator)
    await new UpdateProcessData().handle({
      process,
      data: input.data,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
      actorId: auth.getUserOrFail().id,
    })
    session.flash('success', i18n.t('processes.flash.dataSaved'))
    return response.redirect().back()
  }

  async assign({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('work', process)
    const input = await request.validateUsing(assignProcessValidator)
    await bouncer.with(ProcessPolicy).authorize('assign', process, input.assigneeId)
    const user = auth.getUserOrFail()
    await new AssignProcess().handle({
      process,
      assigneeId: input.assigneeId,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
      actorId: user.id,
    })
    const assignee =
      input.assigneeId === null || input.assigneeId === user.id
        ? null
        : await User.find(input.assigneeId)
    session.flash(
      'success',
      input.assigneeId === null
        ? i18n.t('processes.flash.released')
        : input.assigneeId === user.id
          ? i18n.t('processes.flash.claimed')
          : i18n.t('processes.flash.assigned', { name: assignee?.name ?? '' })
    )
    return response.redirect().back()
  }

  async comment({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('comment', process)
    const input = await request.validateUsing(commentProcessValidator)
    await new CommentOnProcess().handle({
      process,
      body: input.body,
      expectedVersion: input.expectedVersion ?? process.version,
      idempotencyKey: input.idempotencyKey,
      actorId: auth.getUserOrFail().id,
    })
    session.flash('success', i18n.t('processes.flash.commented'))
    return response.redirect().back()
  }

  async cancel({ params, request, response, auth, bouncer, session, i18n }: HttpContext) {
    const process = await loadVisibleProcess(params.id, auth.getUserOrFail())
    await bouncer.with(ProcessPolicy).authorize('cancel', process)
    const input = await request.validateUsing(cancelProcessValidator)
    await new CancelProcess().handle({
      process,
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
      actorId: auth.getUserOrFail().id,
    })
    session.flash('success', i18n.t('processes.flash.cancelled', { reference: process.reference }))
    return response.redirect().back()
  }

  /**
   * What the list shows, kept in its links beside the filters: the columns
   * (when not the default ones) and the saved view it was opened from.
   */
  protected displayParams(
    request: HttpContext['request'],
    columns: string[],
    defaults: readonly string[]
  ) {
    const display: { columns?: string; view?: string } = {}
    if (columns.join(',') !== defaults.join(',')) display.columns = columns.join(',')
    const view = String(request.qs().view ?? '')
    if (/^[1-9]\d{0,9}$/.test(view)) display.view = view
    return display
  }

  /**
   * The list's filters from the query string: validated, turned into
   * query parameters, and echoed back as strings for the form, the
   * pagination links and the export link.
   */
  protected async listParams(request: HttpContext['request'], viewer: User) {
    const qs = request.qs()
    const input = await request.validateUsing(listProcessesValidator, { data: qs })
    const extra = await request.validateUsing(processPageFiltersValidator, { data: qs })
    const hidden = await hiddenWorkflowIds(viewer)
    const { data, echo } = await dataFiltersOfUrl(
      request.url(true),
      { key: input.workflow, hidden },
      { countUpTo: ListProcessPage.COUNT_CAP }
    )
    const params: ProcessPageParams = {
      ...ListProcesses.filtersFrom(input),
      dueSoon: extra.dueSoon ?? null,
      hiddenWorkflows: hidden,
      data,
    }
    const filters: Partial<Record<(typeof FILTER_KEYS)[number], string>> & Record<string, string> =
      { ...echo }
    for (const key of FILTER_KEYS) {
      const value = qs[key]
      if (typeof value === 'string' && value.trim() !== '') filters[key] = value.trim()
    }
    return {
      params: { ...params, page: input.page, after: extra.after, before: extra.before },
      filters,
    }
  }
}

async function stageName(process: Process) {
  const definition = await definitionOf(process.workflowVersionId)
  return stageOf(definition, process.stageKey)?.name ?? process.stageKey
}
