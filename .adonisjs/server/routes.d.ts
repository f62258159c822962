import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'sso.redirect': { paramsTuple?: []; params?: {} }
    'sso.callback': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'hooks.receive': { paramsTuple: [ParamValue,ParamValue]; params: {'workflowKey': ParamValue,'hookKey': ParamValue} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'processes.index': { paramsTuple?: []; params?: {} }
    'processes.export': { paramsTuple?: []; params?: {} }
    'processes.create': { paramsTuple?: []; params?: {} }
    'processes.store': { paramsTuple?: []; params?: {} }
    'processes.bulk.transitions': { paramsTuple?: []; params?: {} }
    'processes.bulk.preview': { paramsTuple?: []; params?: {} }
    'processes.bulk.store': { paramsTuple?: []; params?: {} }
    'processes.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.timeline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.transition': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.data': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.comment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'board.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.index': { paramsTuple?: []; params?: {} }
    'workflows.create': { paramsTuple?: []; params?: {} }
    'workflows.store': { paramsTuple?: []; params?: {} }
    'workflows.import': { paramsTuple?: []; params?: {} }
    'workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.draft': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.publish': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.export': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'workflows.processes.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.queues.index': { paramsTuple?: []; params?: {} }
    'admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.retry_all': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.pause': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.resume': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.jobs.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'admin.queues.jobs.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'admin.engine.show': { paramsTuple?: []; params?: {} }
    'admin.calendars.index': { paramsTuple?: []; params?: {} }
    'admin.calendars.create': { paramsTuple?: []; params?: {} }
    'admin.calendars.store': { paramsTuple?: []; params?: {} }
    'admin.calendars.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.calendars.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.alerts.index': { paramsTuple?: []; params?: {} }
    'admin.alerts.create': { paramsTuple?: []; params?: {} }
    'admin.alerts.store': { paramsTuple?: []; params?: {} }
    'admin.alerts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.alerts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.alerts.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.alerts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.export': { paramsTuple?: []; params?: {} }
    'admin.sso.show': { paramsTuple?: []; params?: {} }
    'admin.sso.update': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.unread': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'migrations.create': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'migrations.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.automation.index': { paramsTuple?: []; params?: {} }
    'admin.automation.attention.retry': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'admin.automation.attention.resolve': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'reports.runs.store': { paramsTuple?: []; params?: {} }
    'reports.runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reports.runs.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'reports.schedules.store': { paramsTuple?: []; params?: {} }
    'reports.schedules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workflows.draft.check': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'admin.teams.index': { paramsTuple?: []; params?: {} }
    'admin.teams.store': { paramsTuple?: []; params?: {} }
    'admin.teams.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.teams.members': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.teams.destroy': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'teams.led': { paramsTuple?: []; params?: {} }
    'workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.access.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'views.store': { paramsTuple?: []; params?: {} }
    'views.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'views.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'views.watch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'views.unwatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'queues.index': { paramsTuple?: []; params?: {} }
    'processes.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.votes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.absence.update': { paramsTuple?: []; params?: {} }
    'profile.absence.destroy': { paramsTuple?: []; params?: {} }
    'admin.webhooks.index': { paramsTuple?: []; params?: {} }
    'admin.webhooks.store': { paramsTuple?: []; params?: {} }
    'admin.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.webhooks.rotate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.webhooks.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'delivery': ParamValue} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.password': { paramsTuple?: []; params?: {} }
    'profile.tokens.store': { paramsTuple?: []; params?: {} }
    'profile.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'users.store': { paramsTuple?: []; params?: {} }
    'users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auth.tokens.store': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.definition.schema': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.audit.index': { paramsTuple?: []; params?: {} }
    'api.state.show': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.update': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.increment': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.lock': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.unlock': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.workflows.draft.check': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.store': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.teams.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.teams.members': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.teams.destroy': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.access.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.index': { paramsTuple?: []; params?: {} }
    'api.views.store': { paramsTuple?: []; params?: {} }
    'api.views.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.views.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.views.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.views.watch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.views.unwatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.votes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me.absence.update': { paramsTuple?: []; params?: {} }
    'api.me.absence.destroy': { paramsTuple?: []; params?: {} }
    'api.calendars.index': { paramsTuple?: []; params?: {} }
    'api.calendars.store': { paramsTuple?: []; params?: {} }
    'api.calendars.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.store': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.rotate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.deliveries': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'delivery': ParamValue} }
    'api.workflows.hooks.index': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.hooks.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.hooks.update': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'hook': ParamValue} }
    'api.workflows.hooks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'hook': ParamValue} }
    'api.bulk.transitions': { paramsTuple?: []; params?: {} }
    'api.bulk.preview': { paramsTuple?: []; params?: {} }
    'api.bulk.store': { paramsTuple?: []; params?: {} }
    'api.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bulk.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.dry_run': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.migrations.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.index': { paramsTuple?: []; params?: {} }
    'api.reports.store': { paramsTuple?: []; params?: {} }
    'api.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'api.processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.notifications.read_all': { paramsTuple?: []; params?: {} }
    'api.notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.index': { paramsTuple?: []; params?: {} }
    'api.users.store': { paramsTuple?: []; params?: {} }
    'api.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auth.tokens.index': { paramsTuple?: []; params?: {} }
    'api.auth.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me.update': { paramsTuple?: []; params?: {} }
    'api.me.password': { paramsTuple?: []; params?: {} }
    'api.dashboard': { paramsTuple?: []; params?: {} }
    'api.processes.export': { paramsTuple?: []; params?: {} }
    'api.report_schedules.index': { paramsTuple?: []; params?: {} }
    'api.report_schedules.store': { paramsTuple?: []; params?: {} }
    'api.report_schedules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.report_schedules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'api.notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'api.admin.queues.index': { paramsTuple?: []; params?: {} }
    'api.admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.failed_jobs': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.retry_all': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.pause': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.resume': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.jobs.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'api.admin.queues.jobs.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'api.admin.engine.show': { paramsTuple?: []; params?: {} }
    'api.admin.automation.attention.index': { paramsTuple?: []; params?: {} }
    'api.admin.automation.attention.retry': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'api.admin.automation.attention.resolve': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'api.admin.alert_rules.index': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.store': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_rules.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_rules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_events.index': { paramsTuple?: []; params?: {} }
    'api.workflows.index': { paramsTuple?: []; params?: {} }
    'api.workflows.store': { paramsTuple?: []; params?: {} }
    'api.workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.draft': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.publish': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'api.processes.index': { paramsTuple?: []; params?: {} }
    'api.processes.store': { paramsTuple?: []; params?: {} }
    'api.processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.transitions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.children.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'session.create': { paramsTuple?: []; params?: {} }
    'sso.redirect': { paramsTuple?: []; params?: {} }
    'sso.callback': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'processes.index': { paramsTuple?: []; params?: {} }
    'processes.export': { paramsTuple?: []; params?: {} }
    'processes.create': { paramsTuple?: []; params?: {} }
    'processes.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.timeline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'board.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.index': { paramsTuple?: []; params?: {} }
    'workflows.create': { paramsTuple?: []; params?: {} }
    'workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.export': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'admin.queues.index': { paramsTuple?: []; params?: {} }
    'admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.engine.show': { paramsTuple?: []; params?: {} }
    'admin.calendars.index': { paramsTuple?: []; params?: {} }
    'admin.calendars.create': { paramsTuple?: []; params?: {} }
    'admin.calendars.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.alerts.index': { paramsTuple?: []; params?: {} }
    'admin.alerts.create': { paramsTuple?: []; params?: {} }
    'admin.alerts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.export': { paramsTuple?: []; params?: {} }
    'admin.sso.show': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.unread': { paramsTuple?: []; params?: {} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'migrations.create': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.automation.index': { paramsTuple?: []; params?: {} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'reports.runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reports.runs.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'admin.teams.index': { paramsTuple?: []; params?: {} }
    'teams.led': { paramsTuple?: []; params?: {} }
    'workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'queues.index': { paramsTuple?: []; params?: {} }
    'admin.webhooks.index': { paramsTuple?: []; params?: {} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.definition.schema': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.audit.index': { paramsTuple?: []; params?: {} }
    'api.state.show': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.index': { paramsTuple?: []; params?: {} }
    'api.views.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.calendars.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.deliveries': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.workflows.hooks.index': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bulk.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.index': { paramsTuple?: []; params?: {} }
    'api.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'api.processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.users.index': { paramsTuple?: []; params?: {} }
    'api.auth.tokens.index': { paramsTuple?: []; params?: {} }
    'api.dashboard': { paramsTuple?: []; params?: {} }
    'api.processes.export': { paramsTuple?: []; params?: {} }
    'api.report_schedules.index': { paramsTuple?: []; params?: {} }
    'api.report_schedules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'api.admin.queues.index': { paramsTuple?: []; params?: {} }
    'api.admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.failed_jobs': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.engine.show': { paramsTuple?: []; params?: {} }
    'api.admin.automation.attention.index': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.index': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_events.index': { paramsTuple?: []; params?: {} }
    'api.workflows.index': { paramsTuple?: []; params?: {} }
    'api.workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'api.processes.index': { paramsTuple?: []; params?: {} }
    'api.processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.children.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'session.create': { paramsTuple?: []; params?: {} }
    'sso.redirect': { paramsTuple?: []; params?: {} }
    'sso.callback': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'metrics': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'processes.index': { paramsTuple?: []; params?: {} }
    'processes.export': { paramsTuple?: []; params?: {} }
    'processes.create': { paramsTuple?: []; params?: {} }
    'processes.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.timeline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'board.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.index': { paramsTuple?: []; params?: {} }
    'workflows.create': { paramsTuple?: []; params?: {} }
    'workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.export': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'admin.queues.index': { paramsTuple?: []; params?: {} }
    'admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.engine.show': { paramsTuple?: []; params?: {} }
    'admin.calendars.index': { paramsTuple?: []; params?: {} }
    'admin.calendars.create': { paramsTuple?: []; params?: {} }
    'admin.calendars.edit': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.alerts.index': { paramsTuple?: []; params?: {} }
    'admin.alerts.create': { paramsTuple?: []; params?: {} }
    'admin.alerts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.export': { paramsTuple?: []; params?: {} }
    'admin.sso.show': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.unread': { paramsTuple?: []; params?: {} }
    'notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'migrations.create': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.automation.index': { paramsTuple?: []; params?: {} }
    'reports.index': { paramsTuple?: []; params?: {} }
    'reports.runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reports.runs.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'admin.teams.index': { paramsTuple?: []; params?: {} }
    'teams.led': { paramsTuple?: []; params?: {} }
    'workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'queues.index': { paramsTuple?: []; params?: {} }
    'admin.webhooks.index': { paramsTuple?: []; params?: {} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'users.index': { paramsTuple?: []; params?: {} }
    'users.create': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'api.definition.schema': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.audit.index': { paramsTuple?: []; params?: {} }
    'api.state.show': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.workflows.draft.checks.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'id': ParamValue} }
    'api.teams.index': { paramsTuple?: []; params?: {} }
    'api.teams.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.access.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.index': { paramsTuple?: []; params?: {} }
    'api.views.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.calendars.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.deliveries': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.workflows.hooks.index': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.bulk.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.bulk.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.migrations.items': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.index': { paramsTuple?: []; params?: {} }
    'api.reports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reports.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'format': ParamValue} }
    'api.processes.attachments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.attachments.download': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'api.notifications.index': { paramsTuple?: []; params?: {} }
    'api.users.index': { paramsTuple?: []; params?: {} }
    'api.auth.tokens.index': { paramsTuple?: []; params?: {} }
    'api.dashboard': { paramsTuple?: []; params?: {} }
    'api.processes.export': { paramsTuple?: []; params?: {} }
    'api.report_schedules.index': { paramsTuple?: []; params?: {} }
    'api.report_schedules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.preferences.show': { paramsTuple?: []; params?: {} }
    'api.admin.queues.index': { paramsTuple?: []; params?: {} }
    'api.admin.queues.show': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.failed_jobs': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.engine.show': { paramsTuple?: []; params?: {} }
    'api.admin.automation.attention.index': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.index': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_events.index': { paramsTuple?: []; params?: {} }
    'api.workflows.index': { paramsTuple?: []; params?: {} }
    'api.workflows.show': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'number': ParamValue} }
    'api.processes.index': { paramsTuple?: []; params?: {} }
    'api.processes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.events.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.children.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'hooks.receive': { paramsTuple: [ParamValue,ParamValue]; params: {'workflowKey': ParamValue,'hookKey': ParamValue} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'processes.store': { paramsTuple?: []; params?: {} }
    'processes.bulk.transitions': { paramsTuple?: []; params?: {} }
    'processes.bulk.preview': { paramsTuple?: []; params?: {} }
    'processes.bulk.store': { paramsTuple?: []; params?: {} }
    'processes.transition': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.comment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workflows.store': { paramsTuple?: []; params?: {} }
    'workflows.import': { paramsTuple?: []; params?: {} }
    'workflows.publish': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.processes.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.queues.retry_all': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.pause': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.resume': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'admin.queues.jobs.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'admin.calendars.store': { paramsTuple?: []; params?: {} }
    'admin.alerts.store': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
    'migrations.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.automation.attention.retry': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'admin.automation.attention.resolve': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'reports.runs.store': { paramsTuple?: []; params?: {} }
    'reports.schedules.store': { paramsTuple?: []; params?: {} }
    'workflows.draft.check': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.teams.store': { paramsTuple?: []; params?: {} }
    'views.store': { paramsTuple?: []; params?: {} }
    'views.watch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'processes.votes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.webhooks.store': { paramsTuple?: []; params?: {} }
    'admin.webhooks.rotate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.webhooks.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'delivery': ParamValue} }
    'profile.tokens.store': { paramsTuple?: []; params?: {} }
    'users.store': { paramsTuple?: []; params?: {} }
    'api.auth.tokens.store': { paramsTuple?: []; params?: {} }
    'api.state.increment': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.lock': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.workflows.draft.check': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.teams.store': { paramsTuple?: []; params?: {} }
    'api.views.store': { paramsTuple?: []; params?: {} }
    'api.processes.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.votes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.calendars.store': { paramsTuple?: []; params?: {} }
    'api.webhooks.store': { paramsTuple?: []; params?: {} }
    'api.webhooks.rotate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'delivery': ParamValue} }
    'api.workflows.hooks.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.bulk.transitions': { paramsTuple?: []; params?: {} }
    'api.bulk.preview': { paramsTuple?: []; params?: {} }
    'api.bulk.store': { paramsTuple?: []; params?: {} }
    'api.migrations.dry_run': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.migrations.store': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.reports.store': { paramsTuple?: []; params?: {} }
    'api.processes.attachments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.notifications.read_all': { paramsTuple?: []; params?: {} }
    'api.notifications.read': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.users.store': { paramsTuple?: []; params?: {} }
    'api.report_schedules.store': { paramsTuple?: []; params?: {} }
    'api.admin.queues.retry_all': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.pause': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.resume': { paramsTuple: [ParamValue]; params: {'queue': ParamValue} }
    'api.admin.queues.jobs.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'api.admin.automation.attention.retry': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'api.admin.automation.attention.resolve': { paramsTuple: [ParamValue]; params: {'process': ParamValue} }
    'api.admin.alert_rules.store': { paramsTuple?: []; params?: {} }
    'api.workflows.store': { paramsTuple?: []; params?: {} }
    'api.workflows.publish': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.processes.store': { paramsTuple?: []; params?: {} }
    'api.processes.transitions.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.comments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.processes.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'processes.data': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workflows.draft': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.calendars.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'admin.alerts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.alerts.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.sso.update': { paramsTuple?: []; params?: {} }
    'notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'admin.teams.members': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'workflows.access.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'profile.absence.update': { paramsTuple?: []; params?: {} }
    'admin.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.password': { paramsTuple?: []; params?: {} }
    'api.state.update': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.teams.members': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.workflows.access.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.watch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me.absence.update': { paramsTuple?: []; params?: {} }
    'api.calendars.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.me.password': { paramsTuple?: []; params?: {} }
    'api.notifications.preferences.update': { paramsTuple?: []; params?: {} }
    'api.admin.alert_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.alert_rules.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.workflows.draft': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
  }
  DELETE: {
    'admin.queues.jobs.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'admin.alerts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reports.schedules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.teams.destroy': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'views.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'views.unwatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.absence.destroy': { paramsTuple?: []; params?: {} }
    'admin.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.state.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.state.unlock': { paramsTuple: [ParamValue,ParamValue]; params: {'scope': ParamValue,'key': ParamValue} }
    'api.teams.destroy': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.views.unwatch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me.absence.destroy': { paramsTuple?: []; params?: {} }
    'api.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.workflows.hooks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'hook': ParamValue} }
    'api.auth.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.report_schedules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.admin.queues.jobs.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'job': ParamValue} }
    'api.admin.alert_rules.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'admin.teams.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'views.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.teams.update': { paramsTuple: [ParamValue]; params: {'key': ParamValue} }
    'api.views.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.workflows.hooks.update': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'hook': ParamValue} }
    'api.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.me.update': { paramsTuple?: []; params?: {} }
    'api.processes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}