/* eslint-disable prettier/prettier */
/// <reference path="../manifest.d.ts" />

import type { ExtractBody, ExtractErrorResponse, ExtractQuery, ExtractQueryForGet, ExtractResponse } from '@tuyau/core/types'
import type { InferInput, SimpleError } from '@vinejs/vine/types'

export type ParamValue = string | number | bigint | boolean

export interface Registry {
  'session.create': {
    methods: ["GET","HEAD"]
    pattern: '/login'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['create']>>>
    }
  }
  'session.store': {
    methods: ["POST"]
    pattern: '/login'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/session').loginValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/session').loginValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'sso.redirect': {
    methods: ["GET","HEAD"]
    pattern: '/auth/sso'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/sso_controller').default['redirect']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/sso_controller').default['redirect']>>>
    }
  }
  'sso.callback': {
    methods: ["GET","HEAD"]
    pattern: '/auth/sso/callback'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/sso_controller').default['callback']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/sso_controller').default['callback']>>>
    }
  }
  'health.live': {
    methods: ["GET","HEAD"]
    pattern: '/health/live'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/health_controller').default['live']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/health_controller').default['live']>>>
    }
  }
  'health.ready': {
    methods: ["GET","HEAD"]
    pattern: '/health/ready'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/health_controller').default['ready']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/health_controller').default['ready']>>>
    }
  }
  'metrics': {
    methods: ["GET","HEAD"]
    pattern: '/metrics'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/metrics_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/metrics_controller').default['show']>>>
    }
  }
  'locale.update': {
    methods: ["POST"]
    pattern: '/locale'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/locale_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/locale_controller').default['update']>>>
    }
  }
  'hooks.receive': {
    methods: ["POST"]
    pattern: '/hooks/:workflowKey/:hookKey'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workflowKey: ParamValue; hookKey: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/hooks_controller').default['receive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/hooks_controller').default['receive']>>>
    }
  }
  'dashboard': {
    methods: ["GET","HEAD"]
    pattern: '/'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['index']>>>
    }
  }
  'session.destroy': {
    methods: ["POST"]
    pattern: '/logout'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['destroy']>>>
    }
  }
  'processes.index': {
    methods: ["GET","HEAD"]
    pattern: '/processes'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['index']>>>
    }
  }
  'processes.export': {
    methods: ["GET","HEAD"]
    pattern: '/processes/export'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['export']>>>
    }
  }
  'processes.create': {
    methods: ["GET","HEAD"]
    pattern: '/processes/create'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['create']>>>
    }
  }
  'processes.store': {
    methods: ["POST"]
    pattern: '/processes'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').startProcessValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/process').startProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.bulk.transitions': {
    methods: ["POST"]
    pattern: '/processes/bulk/transitions'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkSelectionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkSelectionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['transitions']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['transitions']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.bulk.preview': {
    methods: ["POST"]
    pattern: '/processes/bulk/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.bulk.store': {
    methods: ["POST"]
    pattern: '/processes/bulk'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.bulk.show': {
    methods: ["GET","HEAD"]
    pattern: '/processes/bulk/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/bulk_action').bulkResultsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/bulk_operations_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.show': {
    methods: ["GET","HEAD"]
    pattern: '/processes/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/process_page').timelinePageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.timeline': {
    methods: ["GET","HEAD"]
    pattern: '/processes/:id/timeline'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_events_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_events_controller').default['index']>>>
    }
  }
  'processes.transition': {
    methods: ["POST"]
    pattern: '/processes/:id/transitions'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process_page').transitionFromPageValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process_page').transitionFromPageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['transition']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['transition']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.data': {
    methods: ["PUT"]
    pattern: '/processes/:id/data'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process_page').updateDataFromPageValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process_page').updateDataFromPageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['updateData']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['updateData']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.assign': {
    methods: ["POST"]
    pattern: '/processes/:id/assign'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').assignProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').assignProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['assign']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['assign']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.comment': {
    methods: ["POST"]
    pattern: '/processes/:id/comments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').commentProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').commentProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['comment']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['comment']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.cancel': {
    methods: ["POST"]
    pattern: '/processes/:id/cancel'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').cancelProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').cancelProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['cancel']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['cancel']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.attachments.index': {
    methods: ["GET","HEAD"]
    pattern: '/processes/:id/attachments'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['index']>>>
    }
  }
  'processes.attachments.store': {
    methods: ["POST"]
    pattern: '/processes/:id/attachments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/attachment').attachmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/attachment').attachmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.attachments.download': {
    methods: ["GET","HEAD"]
    pattern: '/processes/:id/attachments/:attachmentId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; attachmentId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['download']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['download']>>>
    }
  }
  'board.show': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/board'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/process_page').boardPageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/board_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/board_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.index': {
    methods: ["GET","HEAD"]
    pattern: '/workflows'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['index']>>>
    }
  }
  'workflows.create': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['create']>>>
    }
  }
  'workflows.store': {
    methods: ["POST"]
    pattern: '/workflows'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workflow_page').designerDocumentValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/workflow_page').designerDocumentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.import': {
    methods: ["POST"]
    pattern: '/workflows/import'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workflow_page').importDefinitionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/workflow_page').importDefinitionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['import']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['import']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.show': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/workflow_page').compareVersionsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.edit': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['edit']>>>
    }
  }
  'workflows.draft': {
    methods: ["PUT"]
    pattern: '/workflows/:key/draft'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workflow_page').designerDocumentValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/workflow_page').designerDocumentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.publish': {
    methods: ["POST"]
    pattern: '/workflows/:key/publish'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['publish']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_designer_controller').default['publish']>>>
    }
  }
  'workflows.export': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/versions/:number/export'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; number: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/workflow_page').exportDefinitionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_pages_controller').default['export']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.processes.store': {
    methods: ["POST"]
    pattern: '/workflows/:key/processes'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workflow_page').startFromWorkflowValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/workflow_page').startFromWorkflowValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/workflow_processes_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/workflow_processes_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.queues.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/queues'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['index']>>>
    }
  }
  'admin.queues.show': {
    methods: ["GET","HEAD"]
    pattern: '/admin/queues/:queue'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['show']>>>
    }
  }
  'admin.queues.retry_all': {
    methods: ["POST"]
    pattern: '/admin/queues/:queue/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['retryAll']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['retryAll']>>>
    }
  }
  'admin.queues.pause': {
    methods: ["POST"]
    pattern: '/admin/queues/:queue/pause'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['pause']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['pause']>>>
    }
  }
  'admin.queues.resume': {
    methods: ["POST"]
    pattern: '/admin/queues/:queue/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['resume']>>>
    }
  }
  'admin.queues.jobs.retry': {
    methods: ["POST"]
    pattern: '/admin/queues/:queue/jobs/:job/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { queue: ParamValue; job: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['retry']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['retry']>>>
    }
  }
  'admin.queues.jobs.destroy': {
    methods: ["DELETE"]
    pattern: '/admin/queues/:queue/jobs/:job'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { queue: ParamValue; job: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/queues_controller').default['destroy']>>>
    }
  }
  'admin.engine.show': {
    methods: ["GET","HEAD"]
    pattern: '/admin/engine'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/admin').engineHealthValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/engine_health_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/engine_health_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.calendars.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/calendars'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['index']>>>
    }
  }
  'admin.calendars.create': {
    methods: ["GET","HEAD"]
    pattern: '/admin/calendars/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['create']>>>
    }
  }
  'admin.calendars.store': {
    methods: ["POST"]
    pattern: '/admin/calendars'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/calendar').createCalendarValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/calendar').createCalendarValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.calendars.edit': {
    methods: ["GET","HEAD"]
    pattern: '/admin/calendars/:key/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['edit']>>>
    }
  }
  'admin.calendars.update': {
    methods: ["PUT"]
    pattern: '/admin/calendars/:key'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/calendar').updateCalendarValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/calendar').updateCalendarValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/calendars_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.alerts.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/alerts'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['index']>>>
    }
  }
  'admin.alerts.create': {
    methods: ["GET","HEAD"]
    pattern: '/admin/alerts/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['create']>>>
    }
  }
  'admin.alerts.store': {
    methods: ["POST"]
    pattern: '/admin/alerts'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.alerts.edit': {
    methods: ["GET","HEAD"]
    pattern: '/admin/alerts/:id/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['edit']>>>
    }
  }
  'admin.alerts.update': {
    methods: ["PUT"]
    pattern: '/admin/alerts/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.alerts.toggle': {
    methods: ["PUT"]
    pattern: '/admin/alerts/:id/enabled'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleEnabledValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleEnabledValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['toggle']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['toggle']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.alerts.destroy': {
    methods: ["DELETE"]
    pattern: '/admin/alerts/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/alerts_controller').default['destroy']>>>
    }
  }
  'admin.audit.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/audit'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit').auditFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.audit.export': {
    methods: ["GET","HEAD"]
    pattern: '/admin/audit.csv'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit').auditFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['export']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.sso.show': {
    methods: ["GET","HEAD"]
    pattern: '/admin/sso'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/sso_settings_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/sso_settings_controller').default['show']>>>
    }
  }
  'admin.sso.update': {
    methods: ["PUT"]
    pattern: '/admin/sso'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/audit').ssoSettingsValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/audit').ssoSettingsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/sso_settings_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/sso_settings_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'notifications.index': {
    methods: ["GET","HEAD"]
    pattern: '/notifications'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/notification').listNotificationsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'notifications.unread': {
    methods: ["GET","HEAD"]
    pattern: '/notifications/unread'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['unread']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['unread']>>>
    }
  }
  'notifications.read_all': {
    methods: ["POST"]
    pattern: '/notifications/read'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['markAllRead']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['markAllRead']>>>
    }
  }
  'notifications.read': {
    methods: ["POST"]
    pattern: '/notifications/:id/read'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['markRead']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['markRead']>>>
    }
  }
  'notifications.open': {
    methods: ["POST"]
    pattern: '/notifications/:id/open'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['open']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['open']>>>
    }
  }
  'notifications.preferences.show': {
    methods: ["GET","HEAD"]
    pattern: '/notifications/preferences'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['preferences']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['preferences']>>>
    }
  }
  'notifications.preferences.update': {
    methods: ["PUT"]
    pattern: '/notifications/preferences'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/notification').updateNotificationPreferencesValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/notification').updateNotificationPreferencesValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['updatePreferences']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/notifications_controller').default['updatePreferences']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'event_stream': {
    methods: ["GET","HEAD"]
    pattern: '/__transmit/events'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'subscribe': {
    methods: ["POST"]
    pattern: '/__transmit/subscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'unsubscribe': {
    methods: ["POST"]
    pattern: '/__transmit/unsubscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'migrations.create': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/migrate'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/migration').migrationPlanValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['create']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'migrations.store': {
    methods: ["POST"]
    pattern: '/workflows/:key/migrations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'migrations.show': {
    methods: ["GET","HEAD"]
    pattern: '/migrations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_migrations_controller').default['show']>>>
    }
  }
  'admin.automation.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/automation'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['index']>>>
    }
  }
  'admin.automation.attention.retry': {
    methods: ["POST"]
    pattern: '/admin/automation/attention/:process/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { process: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['retry']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['retry']>>>
    }
  }
  'admin.automation.attention.resolve': {
    methods: ["POST"]
    pattern: '/admin/automation/attention/:process/resolve'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').resolveAttentionValidator)>>
      paramsTuple: [ParamValue]
      params: { process: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').resolveAttentionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['resolve']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/automation_controller').default['resolve']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'reports.index': {
    methods: ["GET","HEAD"]
    pattern: '/reports'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['index']>>>
    }
  }
  'reports.runs.store': {
    methods: ["POST"]
    pattern: '/reports/runs'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/report').requestReportValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/report').requestReportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'reports.runs.show': {
    methods: ["GET","HEAD"]
    pattern: '/reports/runs/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['show']>>>
    }
  }
  'reports.runs.export': {
    methods: ["GET","HEAD"]
    pattern: '/reports/runs/:id/export/:format'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; format: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['export']>>>
    }
  }
  'reports.schedules.store': {
    methods: ["POST"]
    pattern: '/reports/schedules'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/report').reportScheduleValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/report').reportScheduleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['schedule']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['schedule']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'reports.schedules.destroy': {
    methods: ["DELETE"]
    pattern: '/reports/schedules/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['unschedule']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['unschedule']>>>
    }
  }
  'workflows.draft.check': {
    methods: ["POST"]
    pattern: '/workflows/:key/draft/check'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/draft_check').draftCheckValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/draft_check').draftCheckValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workflows.draft.checks.show': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/draft/checks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['show']>>>
    }
  }
  'admin.teams.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/teams'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['index']>>>
    }
  }
  'admin.teams.store': {
    methods: ["POST"]
    pattern: '/admin/teams'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').createTeamValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/team').createTeamValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.teams.update': {
    methods: ["PATCH"]
    pattern: '/admin/teams/:key'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').updateTeamValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').updateTeamValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.teams.members': {
    methods: ["PUT"]
    pattern: '/admin/teams/:key/members'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').teamMembersValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').teamMembersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['members']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['members']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.teams.destroy': {
    methods: ["DELETE"]
    pattern: '/admin/teams/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['destroy']>>>
    }
  }
  'teams.led': {
    methods: ["GET","HEAD"]
    pattern: '/teams'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['led']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/teams_controller').default['led']>>>
    }
  }
  'workflows.access.show': {
    methods: ["GET","HEAD"]
    pattern: '/workflows/:key/access'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['show']>>>
    }
  }
  'workflows.access.update': {
    methods: ["PUT"]
    pattern: '/workflows/:key/access'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').workflowAccessValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').workflowAccessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'views.store': {
    methods: ["POST"]
    pattern: '/views'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/saved_view').createViewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/saved_view').createViewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'views.update': {
    methods: ["PATCH"]
    pattern: '/views/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/saved_view').updateViewValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/saved_view').updateViewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'views.destroy': {
    methods: ["DELETE"]
    pattern: '/views/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['destroy']>>>
    }
  }
  'views.watch': {
    methods: ["POST"]
    pattern: '/views/:id/watch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['watch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['watch']>>>
    }
  }
  'views.unwatch': {
    methods: ["DELETE"]
    pattern: '/views/:id/watch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['unwatch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/saved_views_controller').default['unwatch']>>>
    }
  }
  'queues.index': {
    methods: ["GET","HEAD"]
    pattern: '/queues'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['index']>>>
    }
  }
  'processes.claim': {
    methods: ["POST"]
    pattern: '/processes/:id/claim'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').claimValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').claimValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['claim']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['claim']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'processes.votes.store': {
    methods: ["POST"]
    pattern: '/processes/:id/votes'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').voteValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').voteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['vote']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['vote']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.absence.update': {
    methods: ["PUT"]
    pattern: '/profile/absence'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').absenceValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').absenceValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['setAbsence']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['setAbsence']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.absence.destroy': {
    methods: ["DELETE"]
    pattern: '/profile/absence'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['clearAbsence']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/team_queues_controller').default['clearAbsence']>>>
    }
  }
  'admin.webhooks.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/webhooks'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['index']>>>
    }
  }
  'admin.webhooks.store': {
    methods: ["POST"]
    pattern: '/admin/webhooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').createWebhookValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').createWebhookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.webhooks.update': {
    methods: ["PUT"]
    pattern: '/admin/webhooks/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').updateWebhookValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').updateWebhookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'admin.webhooks.rotate': {
    methods: ["POST"]
    pattern: '/admin/webhooks/:id/rotate'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['rotate']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['rotate']>>>
    }
  }
  'admin.webhooks.destroy': {
    methods: ["DELETE"]
    pattern: '/admin/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['destroy']>>>
    }
  }
  'admin.webhooks.redeliver': {
    methods: ["POST"]
    pattern: '/admin/webhooks/:id/deliveries/:delivery/redeliver'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; delivery: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['redeliver']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhooks_controller').default['redeliver']>>>
    }
  }
  'profile.show': {
    methods: ["GET","HEAD"]
    pattern: '/profile'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['show']>>>
    }
  }
  'profile.update': {
    methods: ["PUT"]
    pattern: '/profile'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updateProfileValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updateProfileValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.password': {
    methods: ["PUT"]
    pattern: '/profile/password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updatePasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updatePasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['updatePassword']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/profile_controller').default['updatePassword']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.tokens.store': {
    methods: ["POST"]
    pattern: '/profile/tokens'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').createAccessTokenValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').createAccessTokenValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/access_tokens_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/access_tokens_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.tokens.destroy': {
    methods: ["DELETE"]
    pattern: '/profile/tokens/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/access_tokens_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/access_tokens_controller').default['destroy']>>>
    }
  }
  'users.index': {
    methods: ["GET","HEAD"]
    pattern: '/admin/users'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/user').listUsersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/users_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/users_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'users.create': {
    methods: ["GET","HEAD"]
    pattern: '/admin/users/create'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/users_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/users_controller').default['create']>>>
    }
  }
  'users.store': {
    methods: ["POST"]
    pattern: '/admin/users'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').createUserValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').createUserValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/users_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/users_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'users.update': {
    methods: ["PATCH"]
    pattern: '/admin/users/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updateUserValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updateUserValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/users_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/users_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auth.tokens.store': {
    methods: ["POST"]
    pattern: '/api/v1/auth/tokens'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/session').tokenRequestValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/session').tokenRequestValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.openapi': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/openapi.json'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/openapi_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/openapi_controller').default['show']>>>
    }
  }
  'api.definition.schema': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/definition.schema.json'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/definition_schema_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/definition_schema_controller').default['show']>>>
    }
  }
  'api.me.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/me'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['show']>>>
    }
  }
  'api.audit.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/audit'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit').auditFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/audit_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/audit_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.state.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/state/:scope/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['show']>>>
    }
  }
  'api.state.update': {
    methods: ["PUT"]
    pattern: '/api/v1/state/:scope/:key'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').setStateValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').setStateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.state.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/state/:scope/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['destroy']>>>
    }
  }
  'api.state.increment': {
    methods: ["POST"]
    pattern: '/api/v1/state/:scope/:key/increment'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').incrementStateValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').incrementStateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['increment']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['increment']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.state.lock': {
    methods: ["POST"]
    pattern: '/api/v1/state/:scope/:key/lock'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').lockStateValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').lockStateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['lock']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['lock']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.state.unlock': {
    methods: ["DELETE"]
    pattern: '/api/v1/state/:scope/:key/lock'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').unlockStateValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { scope: ParamValue; key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').unlockStateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['unlock']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/state_controller').default['unlock']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.workflows.draft.check': {
    methods: ["POST"]
    pattern: '/api/v1/workflows/:key/draft/check'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/draft_check').draftCheckValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/draft_check').draftCheckValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.workflows.draft.checks.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows/:key/draft/checks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/draft_checks_controller').default['show']>>>
    }
  }
  'api.teams.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/teams'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['index']>>>
    }
  }
  'api.teams.store': {
    methods: ["POST"]
    pattern: '/api/v1/teams'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').createTeamValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/team').createTeamValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.teams.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/teams/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['show']>>>
    }
  }
  'api.teams.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/teams/:key'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').updateTeamValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').updateTeamValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.teams.members': {
    methods: ["PUT"]
    pattern: '/api/v1/teams/:key/members'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').teamMembersValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').teamMembersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['members']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['members']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.teams.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/teams/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/teams_controller').default['destroy']>>>
    }
  }
  'api.workflows.access.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows/:key/access'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['show']>>>
    }
  }
  'api.workflows.access.update': {
    methods: ["PUT"]
    pattern: '/api/v1/workflows/:key/access'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').workflowAccessValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').workflowAccessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_access_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.views.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/views'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['index']>>>
    }
  }
  'api.views.store': {
    methods: ["POST"]
    pattern: '/api/v1/views'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/saved_view').createViewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/saved_view').createViewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.views.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/views/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['show']>>>
    }
  }
  'api.views.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/views/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/saved_view').updateViewValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/saved_view').updateViewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.views.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/views/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['destroy']>>>
    }
  }
  'api.views.watch': {
    methods: ["PUT"]
    pattern: '/api/v1/views/:id/watch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['watch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['watch']>>>
    }
  }
  'api.views.unwatch': {
    methods: ["DELETE"]
    pattern: '/api/v1/views/:id/watch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['unwatch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/views_controller').default['unwatch']>>>
    }
  }
  'api.processes.claim': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/claim'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').claimValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').claimValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_collaboration_controller').default['claim']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_collaboration_controller').default['claim']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.votes.store': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/votes'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').voteValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').voteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_collaboration_controller').default['vote']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_collaboration_controller').default['vote']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.me.absence.update': {
    methods: ["PUT"]
    pattern: '/api/v1/me/absence'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/collaboration').absenceValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/collaboration').absenceValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/absence_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/absence_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.me.absence.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/me/absence'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/absence_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/absence_controller').default['destroy']>>>
    }
  }
  'api.calendars.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/calendars'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['index']>>>
    }
  }
  'api.calendars.store': {
    methods: ["POST"]
    pattern: '/api/v1/calendars'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/calendar').createCalendarValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/calendar').createCalendarValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.calendars.update': {
    methods: ["PUT"]
    pattern: '/api/v1/calendars/:key'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/calendar').updateCalendarValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/calendar').updateCalendarValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/calendars_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhooks'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['index']>>>
    }
  }
  'api.webhooks.store': {
    methods: ["POST"]
    pattern: '/api/v1/webhooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').createWebhookValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').createWebhookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['show']>>>
    }
  }
  'api.webhooks.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/webhooks/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').updateWebhookValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').updateWebhookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['destroy']>>>
    }
  }
  'api.webhooks.rotate': {
    methods: ["POST"]
    pattern: '/api/v1/webhooks/:id/rotate'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['rotate']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['rotate']>>>
    }
  }
  'api.webhooks.deliveries': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhooks/:id/deliveries'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['deliveries']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['deliveries']>>>
    }
  }
  'api.webhooks.redeliver': {
    methods: ["POST"]
    pattern: '/api/v1/webhooks/:id/deliveries/:delivery/redeliver'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; delivery: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['redeliver']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhooks_controller').default['redeliver']>>>
    }
  }
  'api.workflows.hooks.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows/:key/hooks'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['index']>>>
    }
  }
  'api.workflows.hooks.store': {
    methods: ["POST"]
    pattern: '/api/v1/workflows/:key/hooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').createHookValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').createHookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.workflows.hooks.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/workflows/:key/hooks/:hook'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook').updateHookValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; hook: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook').updateHookValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.workflows.hooks.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/workflows/:key/hooks/:hook'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; hook: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflow_hooks_controller').default['destroy']>>>
    }
  }
  'api.bulk.transitions': {
    methods: ["POST"]
    pattern: '/api/v1/bulk-operations/transitions'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkSelectionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkSelectionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['transitions']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['transitions']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.bulk.preview': {
    methods: ["POST"]
    pattern: '/api/v1/bulk-operations/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.bulk.store': {
    methods: ["POST"]
    pattern: '/api/v1/bulk-operations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/bulk_action').bulkActionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.bulk.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/bulk-operations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['show']>>>
    }
  }
  'api.bulk.items': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/bulk-operations/:id/items'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').bulkItemsListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['items']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/bulk_operations_controller').default['items']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.migrations.dry_run': {
    methods: ["POST"]
    pattern: '/api/v1/workflows/:key/migrations/dry-run'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['dryRun']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['dryRun']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.migrations.store': {
    methods: ["POST"]
    pattern: '/api/v1/workflows/:key/migrations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/migration').startMigrationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.migrations.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/migrations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['show']>>>
    }
  }
  'api.migrations.items': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/migrations/:id/items'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['items']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/migrations_controller').default['items']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.reports.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/reports'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.reports.store': {
    methods: ["POST"]
    pattern: '/api/v1/reports'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/report').requestReportValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/report').requestReportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.reports.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/reports/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/reports_controller').default['show']>>>
    }
  }
  'api.reports.export': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/reports/:id/export/:format'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; format: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/reports_controller').default['export']>>>
    }
  }
  'api.processes.attachments.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/:id/attachments'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/attachments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/attachments_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.attachments.store': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/attachments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/attachment').attachmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/attachment').attachmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/attachments_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/attachments_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.attachments.download': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/:id/attachments/:attachmentId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; attachmentId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['download']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/attachments_controller').default['download']>>>
    }
  }
  'api.notifications.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/notifications'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').notificationsListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.notifications.read_all': {
    methods: ["POST"]
    pattern: '/api/v1/notifications/read'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['markAllRead']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['markAllRead']>>>
    }
  }
  'api.notifications.read': {
    methods: ["POST"]
    pattern: '/api/v1/notifications/:id/read'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['markRead']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/notifications_controller').default['markRead']>>>
    }
  }
  'api.users.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/users'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').usersListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.users.store': {
    methods: ["POST"]
    pattern: '/api/v1/users'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').createUserValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').createUserValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.users.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/users/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updateUserValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updateUserValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/users_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auth.tokens.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/auth/tokens'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auth.tokens.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/auth/tokens/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_tokens_controller').default['destroy']>>>
    }
  }
  'api.me.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/me'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updateMeValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updateMeValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.me.password': {
    methods: ["PUT"]
    pattern: '/api/v1/me/password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').updatePasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').updatePasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['updatePassword']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['updatePassword']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.dashboard': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/dashboard'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/dashboard_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/dashboard_controller').default['show']>>>
    }
  }
  'api.processes.export': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/export'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/process_pages_controller').default['export']>>>
    }
  }
  'api.report_schedules.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/report-schedules'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.report_schedules.store': {
    methods: ["POST"]
    pattern: '/api/v1/report-schedules'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/report').reportScheduleValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/report').reportScheduleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.report_schedules.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/report-schedules/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['show']>>>
    }
  }
  'api.report_schedules.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/report-schedules/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/report_schedules_controller').default['destroy']>>>
    }
  }
  'api.notifications.preferences.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/notifications/preferences'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/notification_preferences_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/notification_preferences_controller').default['show']>>>
    }
  }
  'api.notifications.preferences.update': {
    methods: ["PUT"]
    pattern: '/api/v1/notifications/preferences'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/notification').updateNotificationPreferencesValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/notification').updateNotificationPreferencesValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/notification_preferences_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/notification_preferences_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.queues.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/queues'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['queues']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['queues']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.queues.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/queues/:queue'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['queue']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['queue']>>>
    }
  }
  'api.admin.queues.failed_jobs': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/queues/:queue/failed-jobs'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['failedJobs']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['failedJobs']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.queues.retry_all': {
    methods: ["POST"]
    pattern: '/api/v1/admin/queues/:queue/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retryAll']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retryAll']>>>
    }
  }
  'api.admin.queues.pause': {
    methods: ["POST"]
    pattern: '/api/v1/admin/queues/:queue/pause'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['pause']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['pause']>>>
    }
  }
  'api.admin.queues.resume': {
    methods: ["POST"]
    pattern: '/api/v1/admin/queues/:queue/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { queue: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['resume']>>>
    }
  }
  'api.admin.queues.jobs.retry': {
    methods: ["POST"]
    pattern: '/api/v1/admin/queues/:queue/jobs/:job/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { queue: ParamValue; job: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retryJob']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retryJob']>>>
    }
  }
  'api.admin.queues.jobs.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/admin/queues/:queue/jobs/:job'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { queue: ParamValue; job: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['removeJob']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['removeJob']>>>
    }
  }
  'api.admin.engine.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/engine'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/admin').engineHealthValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['engine']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['engine']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.automation.attention.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/automation/attention'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['attention']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['attention']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.automation.attention.retry': {
    methods: ["POST"]
    pattern: '/api/v1/admin/automation/attention/:process/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { process: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retry']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['retry']>>>
    }
  }
  'api.admin.automation.attention.resolve': {
    methods: ["POST"]
    pattern: '/api/v1/admin/automation/attention/:process/resolve'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/automation').resolveAttentionValidator)>>
      paramsTuple: [ParamValue]
      params: { process: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/automation').resolveAttentionValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['resolve']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/admin_operations_controller').default['resolve']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.alert_rules.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/alert-rules'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.alert_rules.store': {
    methods: ["POST"]
    pattern: '/api/v1/admin/alert-rules'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.alert_rules.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/alert-rules/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['show']>>>
    }
  }
  'api.admin.alert_rules.update': {
    methods: ["PUT"]
    pattern: '/api/v1/admin/alert-rules/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.alert_rules.toggle': {
    methods: ["PUT"]
    pattern: '/api/v1/admin/alert-rules/:id/enabled'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/alert').alertRuleEnabledValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/alert').alertRuleEnabledValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['toggle']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['toggle']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.admin.alert_rules.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/admin/alert-rules/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['destroy']>>>
    }
  }
  'api.admin.alert_events.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/admin/alert-events'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/api_list').cursorListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['events']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/alert_rules_controller').default['events']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.workflows.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['index']>>>
    }
  }
  'api.workflows.store': {
    methods: ["POST"]
    pattern: '/api/v1/workflows'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['store']>>>
    }
  }
  'api.workflows.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows/:key'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['show']>>>
    }
  }
  'api.workflows.draft': {
    methods: ["PUT"]
    pattern: '/api/v1/workflows/:key/draft'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['updateDraft']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['updateDraft']>>>
    }
  }
  'api.workflows.publish': {
    methods: ["POST"]
    pattern: '/api/v1/workflows/:key/publish'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { key: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['publish']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['publish']>>>
    }
  }
  'api.workflows.versions.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/workflows/:key/versions/:number'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { key: ParamValue; number: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['showVersion']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workflows_controller').default['showVersion']>>>
    }
  }
  'api.processes.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/process').listProcessesValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.store': {
    methods: ["POST"]
    pattern: '/api/v1/processes'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').startProcessValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/process').startProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['show']>>>
    }
  }
  'api.processes.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/processes/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').updateProcessDataValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').updateProcessDataValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/processes_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.transitions.store': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/transitions'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').transitionProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').transitionProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['transition']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['transition']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.assign': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/assign'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').assignProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').assignProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['assign']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['assign']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.comments.store': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/comments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').commentProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').commentProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['comment']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['comment']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.cancel': {
    methods: ["POST"]
    pattern: '/api/v1/processes/:id/cancel'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/process').cancelProcessValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/process').cancelProcessValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['cancel']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_commands_controller').default['cancel']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.processes.events.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/:id/events'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_events_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_events_controller').default['index']>>>
    }
  }
  'api.processes.children.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/processes/:id/children'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/process_children_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/process_children_controller').default['index']>>>
    }
  }
}
