/* eslint-disable prettier/prettier */
import type { AdonisEndpoint } from '@tuyau/core/types'
import type { Registry } from './schema.d.ts'
import type { ApiDefinition } from './tree.d.ts'

const placeholder: any = {}

const routes = {
  'session.create': {
    methods: ["GET","HEAD"],
    pattern: '/login',
    tokens: [{"old":"/login","type":0,"val":"login","end":""}],
    types: placeholder as Registry['session.create']['types'],
  },
  'session.store': {
    methods: ["POST"],
    pattern: '/login',
    tokens: [{"old":"/login","type":0,"val":"login","end":""}],
    types: placeholder as Registry['session.store']['types'],
  },
  'health.live': {
    methods: ["GET","HEAD"],
    pattern: '/health/live',
    tokens: [{"old":"/health/live","type":0,"val":"health","end":""},{"old":"/health/live","type":0,"val":"live","end":""}],
    types: placeholder as Registry['health.live']['types'],
  },
  'health.ready': {
    methods: ["GET","HEAD"],
    pattern: '/health/ready',
    tokens: [{"old":"/health/ready","type":0,"val":"health","end":""},{"old":"/health/ready","type":0,"val":"ready","end":""}],
    types: placeholder as Registry['health.ready']['types'],
  },
  'locale.update': {
    methods: ["POST"],
    pattern: '/locale',
    tokens: [{"old":"/locale","type":0,"val":"locale","end":""}],
    types: placeholder as Registry['locale.update']['types'],
  },
  'dashboard': {
    methods: ["GET","HEAD"],
    pattern: '/',
    tokens: [{"old":"/","type":0,"val":"/","end":""}],
    types: placeholder as Registry['dashboard']['types'],
  },
  'session.destroy': {
    methods: ["POST"],
    pattern: '/logout',
    tokens: [{"old":"/logout","type":0,"val":"logout","end":""}],
    types: placeholder as Registry['session.destroy']['types'],
  },
  'processes.index': {
    methods: ["GET","HEAD"],
    pattern: '/processes',
    tokens: [{"old":"/processes","type":0,"val":"processes","end":""}],
    types: placeholder as Registry['processes.index']['types'],
  },
  'processes.export': {
    methods: ["GET","HEAD"],
    pattern: '/processes/export',
    tokens: [{"old":"/processes/export","type":0,"val":"processes","end":""},{"old":"/processes/export","type":0,"val":"export","end":""}],
    types: placeholder as Registry['processes.export']['types'],
  },
  'processes.create': {
    methods: ["GET","HEAD"],
    pattern: '/processes/create',
    tokens: [{"old":"/processes/create","type":0,"val":"processes","end":""},{"old":"/processes/create","type":0,"val":"create","end":""}],
    types: placeholder as Registry['processes.create']['types'],
  },
  'processes.store': {
    methods: ["POST"],
    pattern: '/processes',
    tokens: [{"old":"/processes","type":0,"val":"processes","end":""}],
    types: placeholder as Registry['processes.store']['types'],
  },
  'processes.show': {
    methods: ["GET","HEAD"],
    pattern: '/processes/:id',
    tokens: [{"old":"/processes/:id","type":0,"val":"processes","end":""},{"old":"/processes/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['processes.show']['types'],
  },
  'processes.timeline': {
    methods: ["GET","HEAD"],
    pattern: '/processes/:id/timeline',
    tokens: [{"old":"/processes/:id/timeline","type":0,"val":"processes","end":""},{"old":"/processes/:id/timeline","type":1,"val":"id","end":""},{"old":"/processes/:id/timeline","type":0,"val":"timeline","end":""}],
    types: placeholder as Registry['processes.timeline']['types'],
  },
  'processes.transition': {
    methods: ["POST"],
    pattern: '/processes/:id/transitions',
    tokens: [{"old":"/processes/:id/transitions","type":0,"val":"processes","end":""},{"old":"/processes/:id/transitions","type":1,"val":"id","end":""},{"old":"/processes/:id/transitions","type":0,"val":"transitions","end":""}],
    types: placeholder as Registry['processes.transition']['types'],
  },
  'processes.data': {
    methods: ["PUT"],
    pattern: '/processes/:id/data',
    tokens: [{"old":"/processes/:id/data","type":0,"val":"processes","end":""},{"old":"/processes/:id/data","type":1,"val":"id","end":""},{"old":"/processes/:id/data","type":0,"val":"data","end":""}],
    types: placeholder as Registry['processes.data']['types'],
  },
  'processes.assign': {
    methods: ["POST"],
    pattern: '/processes/:id/assign',
    tokens: [{"old":"/processes/:id/assign","type":0,"val":"processes","end":""},{"old":"/processes/:id/assign","type":1,"val":"id","end":""},{"old":"/processes/:id/assign","type":0,"val":"assign","end":""}],
    types: placeholder as Registry['processes.assign']['types'],
  },
  'processes.comment': {
    methods: ["POST"],
    pattern: '/processes/:id/comments',
    tokens: [{"old":"/processes/:id/comments","type":0,"val":"processes","end":""},{"old":"/processes/:id/comments","type":1,"val":"id","end":""},{"old":"/processes/:id/comments","type":0,"val":"comments","end":""}],
    types: placeholder as Registry['processes.comment']['types'],
  },
  'processes.cancel': {
    methods: ["POST"],
    pattern: '/processes/:id/cancel',
    tokens: [{"old":"/processes/:id/cancel","type":0,"val":"processes","end":""},{"old":"/processes/:id/cancel","type":1,"val":"id","end":""},{"old":"/processes/:id/cancel","type":0,"val":"cancel","end":""}],
    types: placeholder as Registry['processes.cancel']['types'],
  },
  'board.show': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/:key/board',
    tokens: [{"old":"/workflows/:key/board","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/board","type":1,"val":"key","end":""},{"old":"/workflows/:key/board","type":0,"val":"board","end":""}],
    types: placeholder as Registry['board.show']['types'],
  },
  'workflows.index': {
    methods: ["GET","HEAD"],
    pattern: '/workflows',
    tokens: [{"old":"/workflows","type":0,"val":"workflows","end":""}],
    types: placeholder as Registry['workflows.index']['types'],
  },
  'workflows.create': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/new',
    tokens: [{"old":"/workflows/new","type":0,"val":"workflows","end":""},{"old":"/workflows/new","type":0,"val":"new","end":""}],
    types: placeholder as Registry['workflows.create']['types'],
  },
  'workflows.store': {
    methods: ["POST"],
    pattern: '/workflows',
    tokens: [{"old":"/workflows","type":0,"val":"workflows","end":""}],
    types: placeholder as Registry['workflows.store']['types'],
  },
  'workflows.import': {
    methods: ["POST"],
    pattern: '/workflows/import',
    tokens: [{"old":"/workflows/import","type":0,"val":"workflows","end":""},{"old":"/workflows/import","type":0,"val":"import","end":""}],
    types: placeholder as Registry['workflows.import']['types'],
  },
  'workflows.show': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/:key',
    tokens: [{"old":"/workflows/:key","type":0,"val":"workflows","end":""},{"old":"/workflows/:key","type":1,"val":"key","end":""}],
    types: placeholder as Registry['workflows.show']['types'],
  },
  'workflows.edit': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/:key/edit',
    tokens: [{"old":"/workflows/:key/edit","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/edit","type":1,"val":"key","end":""},{"old":"/workflows/:key/edit","type":0,"val":"edit","end":""}],
    types: placeholder as Registry['workflows.edit']['types'],
  },
  'workflows.draft': {
    methods: ["PUT"],
    pattern: '/workflows/:key/draft',
    tokens: [{"old":"/workflows/:key/draft","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/draft","type":1,"val":"key","end":""},{"old":"/workflows/:key/draft","type":0,"val":"draft","end":""}],
    types: placeholder as Registry['workflows.draft']['types'],
  },
  'workflows.publish': {
    methods: ["POST"],
    pattern: '/workflows/:key/publish',
    tokens: [{"old":"/workflows/:key/publish","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/publish","type":1,"val":"key","end":""},{"old":"/workflows/:key/publish","type":0,"val":"publish","end":""}],
    types: placeholder as Registry['workflows.publish']['types'],
  },
  'workflows.export': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/:key/versions/:number/export',
    tokens: [{"old":"/workflows/:key/versions/:number/export","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/versions/:number/export","type":1,"val":"key","end":""},{"old":"/workflows/:key/versions/:number/export","type":0,"val":"versions","end":""},{"old":"/workflows/:key/versions/:number/export","type":1,"val":"number","end":""},{"old":"/workflows/:key/versions/:number/export","type":0,"val":"export","end":""}],
    types: placeholder as Registry['workflows.export']['types'],
  },
  'workflows.processes.store': {
    methods: ["POST"],
    pattern: '/workflows/:key/processes',
    tokens: [{"old":"/workflows/:key/processes","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/processes","type":1,"val":"key","end":""},{"old":"/workflows/:key/processes","type":0,"val":"processes","end":""}],
    types: placeholder as Registry['workflows.processes.store']['types'],
  },
  'admin.queues.index': {
    methods: ["GET","HEAD"],
    pattern: '/admin/queues',
    tokens: [{"old":"/admin/queues","type":0,"val":"admin","end":""},{"old":"/admin/queues","type":0,"val":"queues","end":""}],
    types: placeholder as Registry['admin.queues.index']['types'],
  },
  'admin.queues.show': {
    methods: ["GET","HEAD"],
    pattern: '/admin/queues/:queue',
    tokens: [{"old":"/admin/queues/:queue","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue","type":1,"val":"queue","end":""}],
    types: placeholder as Registry['admin.queues.show']['types'],
  },
  'admin.queues.retry_all': {
    methods: ["POST"],
    pattern: '/admin/queues/:queue/retry',
    tokens: [{"old":"/admin/queues/:queue/retry","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue/retry","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue/retry","type":1,"val":"queue","end":""},{"old":"/admin/queues/:queue/retry","type":0,"val":"retry","end":""}],
    types: placeholder as Registry['admin.queues.retry_all']['types'],
  },
  'admin.queues.pause': {
    methods: ["POST"],
    pattern: '/admin/queues/:queue/pause',
    tokens: [{"old":"/admin/queues/:queue/pause","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue/pause","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue/pause","type":1,"val":"queue","end":""},{"old":"/admin/queues/:queue/pause","type":0,"val":"pause","end":""}],
    types: placeholder as Registry['admin.queues.pause']['types'],
  },
  'admin.queues.resume': {
    methods: ["POST"],
    pattern: '/admin/queues/:queue/resume',
    tokens: [{"old":"/admin/queues/:queue/resume","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue/resume","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue/resume","type":1,"val":"queue","end":""},{"old":"/admin/queues/:queue/resume","type":0,"val":"resume","end":""}],
    types: placeholder as Registry['admin.queues.resume']['types'],
  },
  'admin.queues.jobs.retry': {
    methods: ["POST"],
    pattern: '/admin/queues/:queue/jobs/:job/retry',
    tokens: [{"old":"/admin/queues/:queue/jobs/:job/retry","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue/jobs/:job/retry","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue/jobs/:job/retry","type":1,"val":"queue","end":""},{"old":"/admin/queues/:queue/jobs/:job/retry","type":0,"val":"jobs","end":""},{"old":"/admin/queues/:queue/jobs/:job/retry","type":1,"val":"job","end":""},{"old":"/admin/queues/:queue/jobs/:job/retry","type":0,"val":"retry","end":""}],
    types: placeholder as Registry['admin.queues.jobs.retry']['types'],
  },
  'admin.queues.jobs.destroy': {
    methods: ["DELETE"],
    pattern: '/admin/queues/:queue/jobs/:job',
    tokens: [{"old":"/admin/queues/:queue/jobs/:job","type":0,"val":"admin","end":""},{"old":"/admin/queues/:queue/jobs/:job","type":0,"val":"queues","end":""},{"old":"/admin/queues/:queue/jobs/:job","type":1,"val":"queue","end":""},{"old":"/admin/queues/:queue/jobs/:job","type":0,"val":"jobs","end":""},{"old":"/admin/queues/:queue/jobs/:job","type":1,"val":"job","end":""}],
    types: placeholder as Registry['admin.queues.jobs.destroy']['types'],
  },
  'admin.engine.show': {
    methods: ["GET","HEAD"],
    pattern: '/admin/engine',
    tokens: [{"old":"/admin/engine","type":0,"val":"admin","end":""},{"old":"/admin/engine","type":0,"val":"engine","end":""}],
    types: placeholder as Registry['admin.engine.show']['types'],
  },
  'notifications.index': {
    methods: ["GET","HEAD"],
    pattern: '/notifications',
    tokens: [{"old":"/notifications","type":0,"val":"notifications","end":""}],
    types: placeholder as Registry['notifications.index']['types'],
  },
  'notifications.unread': {
    methods: ["GET","HEAD"],
    pattern: '/notifications/unread',
    tokens: [{"old":"/notifications/unread","type":0,"val":"notifications","end":""},{"old":"/notifications/unread","type":0,"val":"unread","end":""}],
    types: placeholder as Registry['notifications.unread']['types'],
  },
  'notifications.read_all': {
    methods: ["POST"],
    pattern: '/notifications/read',
    tokens: [{"old":"/notifications/read","type":0,"val":"notifications","end":""},{"old":"/notifications/read","type":0,"val":"read","end":""}],
    types: placeholder as Registry['notifications.read_all']['types'],
  },
  'notifications.read': {
    methods: ["POST"],
    pattern: '/notifications/:id/read',
    tokens: [{"old":"/notifications/:id/read","type":0,"val":"notifications","end":""},{"old":"/notifications/:id/read","type":1,"val":"id","end":""},{"old":"/notifications/:id/read","type":0,"val":"read","end":""}],
    types: placeholder as Registry['notifications.read']['types'],
  },
  'notifications.open': {
    methods: ["POST"],
    pattern: '/notifications/:id/open',
    tokens: [{"old":"/notifications/:id/open","type":0,"val":"notifications","end":""},{"old":"/notifications/:id/open","type":1,"val":"id","end":""},{"old":"/notifications/:id/open","type":0,"val":"open","end":""}],
    types: placeholder as Registry['notifications.open']['types'],
  },
  'notifications.preferences.show': {
    methods: ["GET","HEAD"],
    pattern: '/notifications/preferences',
    tokens: [{"old":"/notifications/preferences","type":0,"val":"notifications","end":""},{"old":"/notifications/preferences","type":0,"val":"preferences","end":""}],
    types: placeholder as Registry['notifications.preferences.show']['types'],
  },
  'notifications.preferences.update': {
    methods: ["PUT"],
    pattern: '/notifications/preferences',
    tokens: [{"old":"/notifications/preferences","type":0,"val":"notifications","end":""},{"old":"/notifications/preferences","type":0,"val":"preferences","end":""}],
    types: placeholder as Registry['notifications.preferences.update']['types'],
  },
  'event_stream': {
    methods: ["GET","HEAD"],
    pattern: '/__transmit/events',
    tokens: [{"old":"/__transmit/events","type":0,"val":"__transmit","end":""},{"old":"/__transmit/events","type":0,"val":"events","end":""}],
    types: placeholder as Registry['event_stream']['types'],
  },
  'subscribe': {
    methods: ["POST"],
    pattern: '/__transmit/subscribe',
    tokens: [{"old":"/__transmit/subscribe","type":0,"val":"__transmit","end":""},{"old":"/__transmit/subscribe","type":0,"val":"subscribe","end":""}],
    types: placeholder as Registry['subscribe']['types'],
  },
  'unsubscribe': {
    methods: ["POST"],
    pattern: '/__transmit/unsubscribe',
    tokens: [{"old":"/__transmit/unsubscribe","type":0,"val":"__transmit","end":""},{"old":"/__transmit/unsubscribe","type":0,"val":"unsubscribe","end":""}],
    types: placeholder as Registry['unsubscribe']['types'],
  },
  'migrations.create': {
    methods: ["GET","HEAD"],
    pattern: '/workflows/:key/migrate',
    tokens: [{"old":"/workflows/:key/migrate","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/migrate","type":1,"val":"key","end":""},{"old":"/workflows/:key/migrate","type":0,"val":"migrate","end":""}],
    types: placeholder as Registry['migrations.create']['types'],
  },
  'migrations.store': {
    methods: ["POST"],
    pattern: '/workflows/:key/migrations',
    tokens: [{"old":"/workflows/:key/migrations","type":0,"val":"workflows","end":""},{"old":"/workflows/:key/migrations","type":1,"val":"key","end":""},{"old":"/workflows/:key/migrations","type":0,"val":"migrations","end":""}],
    types: placeholder as Registry['migrations.store']['types'],
  },
  'migrations.show': {
    methods: ["GET","HEAD"],
    pattern: '/migrations/:id',
    tokens: [{"old":"/migrations/:id","type":0,"val":"migrations","end":""},{"old":"/migrations/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['migrations.show']['types'],
  },
  'reports.index': {
    methods: ["GET","HEAD"],
    pattern: '/reports',
    tokens: [{"old":"/reports","type":0,"val":"reports","end":""}],
    types: placeholder as Registry['reports.index']['types'],
  },
  'profile.show': {
    methods: ["GET","HEAD"],
    pattern: '/profile',
    tokens: [{"old":"/profile","type":0,"val":"profile","end":""}],
    types: placeholder as Registry['profile.show']['types'],
  },
  'profile.update': {
    methods: ["PUT"],
    pattern: '/profile',
    tokens: [{"old":"/profile","type":0,"val":"profile","end":""}],
    types: placeholder as Registry['profile.update']['types'],
  },
  'profile.password': {
    methods: ["PUT"],
    pattern: '/profile/password',
    tokens: [{"old":"/profile/password","type":0,"val":"profile","end":""},{"old":"/profile/password","type":0,"val":"password","end":""}],
    types: placeholder as Registry['profile.password']['types'],
  },
  'profile.tokens.store': {
    methods: ["POST"],
    pattern: '/profile/tokens',
    tokens: [{"old":"/profile/tokens","type":0,"val":"profile","end":""},{"old":"/profile/tokens","type":0,"val":"tokens","end":""}],
    types: placeholder as Registry['profile.tokens.store']['types'],
  },
  'profile.tokens.destroy': {
    methods: ["DELETE"],
    pattern: '/profile/tokens/:id',
    tokens: [{"old":"/profile/tokens/:id","type":0,"val":"profile","end":""},{"old":"/profile/tokens/:id","type":0,"val":"tokens","end":""},{"old":"/profile/tokens/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['profile.tokens.destroy']['types'],
  },
  'users.index': {
    methods: ["GET","HEAD"],
    pattern: '/admin/users',
    tokens: [{"old":"/admin/users","type":0,"val":"admin","end":""},{"old":"/admin/users","type":0,"val":"users","end":""}],
    types: placeholder as Registry['users.index']['types'],
  },
  'users.create': {
    methods: ["GET","HEAD"],
    pattern: '/admin/users/create',
    tokens: [{"old":"/admin/users/create","type":0,"val":"admin","end":""},{"old":"/admin/users/create","type":0,"val":"users","end":""},{"old":"/admin/users/create","type":0,"val":"create","end":""}],
    types: placeholder as Registry['users.create']['types'],
  },
  'users.store': {
    methods: ["POST"],
    pattern: '/admin/users',
    tokens: [{"old":"/admin/users","type":0,"val":"admin","end":""},{"old":"/admin/users","type":0,"val":"users","end":""}],
    types: placeholder as Registry['users.store']['types'],
  },
  'users.update': {
    methods: ["PATCH"],
    pattern: '/admin/users/:id',
    tokens: [{"old":"/admin/users/:id","type":0,"val":"admin","end":""},{"old":"/admin/users/:id","type":0,"val":"users","end":""},{"old":"/admin/users/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['users.update']['types'],
  },
  'api.auth.tokens.store': {
    methods: ["POST"],
    pattern: '/api/v1/auth/tokens',
    tokens: [{"old":"/api/v1/auth/tokens","type":0,"val":"api","end":""},{"old":"/api/v1/auth/tokens","type":0,"val":"v1","end":""},{"old":"/api/v1/auth/tokens","type":0,"val":"auth","end":""},{"old":"/api/v1/auth/tokens","type":0,"val":"tokens","end":""}],
    types: placeholder as Registry['api.auth.tokens.store']['types'],
  },
  'api.openapi': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/openapi.json',
    tokens: [{"old":"/api/v1/openapi.json","type":0,"val":"api","end":""},{"old":"/api/v1/openapi.json","type":0,"val":"v1","end":""},{"old":"/api/v1/openapi.json","type":0,"val":"openapi.json","end":""}],
    types: placeholder as Registry['api.openapi']['types'],
  },
  'api.me.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/me',
    tokens: [{"old":"/api/v1/me","type":0,"val":"api","end":""},{"old":"/api/v1/me","type":0,"val":"v1","end":""},{"old":"/api/v1/me","type":0,"val":"me","end":""}],
    types: placeholder as Registry['api.me.show']['types'],
  },
  'api.workflows.index': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/workflows',
    tokens: [{"old":"/api/v1/workflows","type":0,"val":"api","end":""},{"old":"/api/v1/workflows","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows","type":0,"val":"workflows","end":""}],
    types: placeholder as Registry['api.workflows.index']['types'],
  },
  'api.workflows.store': {
    methods: ["POST"],
    pattern: '/api/v1/workflows',
    tokens: [{"old":"/api/v1/workflows","type":0,"val":"api","end":""},{"old":"/api/v1/workflows","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows","type":0,"val":"workflows","end":""}],
    types: placeholder as Registry['api.workflows.store']['types'],
  },
  'api.workflows.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/workflows/:key',
    tokens: [{"old":"/api/v1/workflows/:key","type":0,"val":"api","end":""},{"old":"/api/v1/workflows/:key","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows/:key","type":0,"val":"workflows","end":""},{"old":"/api/v1/workflows/:key","type":1,"val":"key","end":""}],
    types: placeholder as Registry['api.workflows.show']['types'],
  },
  'api.workflows.draft': {
    methods: ["PUT"],
    pattern: '/api/v1/workflows/:key/draft',
    tokens: [{"old":"/api/v1/workflows/:key/draft","type":0,"val":"api","end":""},{"old":"/api/v1/workflows/:key/draft","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows/:key/draft","type":0,"val":"workflows","end":""},{"old":"/api/v1/workflows/:key/draft","type":1,"val":"key","end":""},{"old":"/api/v1/workflows/:key/draft","type":0,"val":"draft","end":""}],
    types: placeholder as Registry['api.workflows.draft']['types'],
  },
  'api.workflows.publish': {
    methods: ["POST"],
    pattern: '/api/v1/workflows/:key/publish',
    tokens: [{"old":"/api/v1/workflows/:key/publish","type":0,"val":"api","end":""},{"old":"/api/v1/workflows/:key/publish","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows/:key/publish","type":0,"val":"workflows","end":""},{"old":"/api/v1/workflows/:key/publish","type":1,"val":"key","end":""},{"old":"/api/v1/workflows/:key/publish","type":0,"val":"publish","end":""}],
    types: placeholder as Registry['api.workflows.publish']['types'],
  },
  'api.workflows.versions.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/workflows/:key/versions/:number',
    tokens: [{"old":"/api/v1/workflows/:key/versions/:number","type":0,"val":"api","end":""},{"old":"/api/v1/workflows/:key/versions/:number","type":0,"val":"v1","end":""},{"old":"/api/v1/workflows/:key/versions/:number","type":0,"val":"workflows","end":""},{"old":"/api/v1/workflows/:key/versions/:number","type":1,"val":"key","end":""},{"old":"/api/v1/workflows/:key/versions/:number","type":0,"val":"versions","end":""},{"old":"/api/v1/workflows/:key/versions/:number","type":1,"val":"number","end":""}],
    types: placeholder as Registry['api.workflows.versions.show']['types'],
  },
  'api.processes.index': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/processes',
    tokens: [{"old":"/api/v1/processes","type":0,"val":"api","end":""},{"old":"/api/v1/processes","type":0,"val":"v1","end":""},{"old":"/api/v1/processes","type":0,"val":"processes","end":""}],
    types: placeholder as Registry['api.processes.index']['types'],
  },
  'api.processes.store': {
    methods: ["POST"],
    pattern: '/api/v1/processes',
    tokens: [{"old":"/api/v1/processes","type":0,"val":"api","end":""},{"old":"/api/v1/processes","type":0,"val":"v1","end":""},{"old":"/api/v1/processes","type":0,"val":"processes","end":""}],
    types: placeholder as Registry['api.processes.store']['types'],
  },
  'api.processes.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/processes/:id',
    tokens: [{"old":"/api/v1/processes/:id","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api.processes.show']['types'],
  },
  'api.processes.update': {
    methods: ["PATCH"],
    pattern: '/api/v1/processes/:id',
    tokens: [{"old":"/api/v1/processes/:id","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api.processes.update']['types'],
  },
  'api.processes.transitions.store': {
    methods: ["POST"],
    pattern: '/api/v1/processes/:id/transitions',
    tokens: [{"old":"/api/v1/processes/:id/transitions","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id/transitions","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id/transitions","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id/transitions","type":1,"val":"id","end":""},{"old":"/api/v1/processes/:id/transitions","type":0,"val":"transitions","end":""}],
    types: placeholder as Registry['api.processes.transitions.store']['types'],
  },
  'api.processes.assign': {
    methods: ["POST"],
    pattern: '/api/v1/processes/:id/assign',
    tokens: [{"old":"/api/v1/processes/:id/assign","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id/assign","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id/assign","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id/assign","type":1,"val":"id","end":""},{"old":"/api/v1/processes/:id/assign","type":0,"val":"assign","end":""}],
    types: placeholder as Registry['api.processes.assign']['types'],
  },
  'api.processes.comments.store': {
    methods: ["POST"],
    pattern: '/api/v1/processes/:id/comments',
    tokens: [{"old":"/api/v1/processes/:id/comments","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id/comments","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id/comments","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id/comments","type":1,"val":"id","end":""},{"old":"/api/v1/processes/:id/comments","type":0,"val":"comments","end":""}],
    types: placeholder as Registry['api.processes.comments.store']['types'],
  },
  'api.processes.cancel': {
    methods: ["POST"],
    pattern: '/api/v1/processes/:id/cancel',
    tokens: [{"old":"/api/v1/processes/:id/cancel","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id/cancel","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id/cancel","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id/cancel","type":1,"val":"id","end":""},{"old":"/api/v1/processes/:id/cancel","type":0,"val":"cancel","end":""}],
    types: placeholder as Registry['api.processes.cancel']['types'],
  },
  'api.processes.events.index': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/processes/:id/events',
    tokens: [{"old":"/api/v1/processes/:id/events","type":0,"val":"api","end":""},{"old":"/api/v1/processes/:id/events","type":0,"val":"v1","end":""},{"old":"/api/v1/processes/:id/events","type":0,"val":"processes","end":""},{"old":"/api/v1/processes/:id/events","type":1,"val":"id","end":""},{"old":"/api/v1/processes/:id/events","type":0,"val":"events","end":""}],
    types: placeholder as Registry['api.processes.events.index']['types'],
  },
} as const satisfies Record<string, AdonisEndpoint>

export { routes }

export const registry = {
  routes,
  $tree: {} as ApiDefinition,
}

declare module '@tuyau/core/types' {
  export interface UserRegistry {
    routes: typeof routes
    $tree: ApiDefinition
  }
}
