import '@adonisjs/inertia/types'

import type React from 'react'
import type { Prettify } from '@adonisjs/core/types/common'

type ExtractProps<T> =
  T extends React.FC<infer Props>
    ? Prettify<Omit<Props, 'children'>>
    : T extends React.Component<infer Props>
      ? Prettify<Omit<Props, 'children'>>
      : never

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'admin/alerts/form': ExtractProps<(typeof import('../../resources/js/pages/admin/alerts/form.tsx'))['default']>
    'admin/alerts/index': ExtractProps<(typeof import('../../resources/js/pages/admin/alerts/index.tsx'))['default']>
    'admin/audit/index': ExtractProps<(typeof import('../../resources/js/pages/admin/audit/index.tsx'))['default']>
    'admin/automation/index': ExtractProps<(typeof import('../../resources/js/pages/admin/automation/index.tsx'))['default']>
    'admin/calendars/form': ExtractProps<(typeof import('../../resources/js/pages/admin/calendars/form.tsx'))['default']>
    'admin/calendars/index': ExtractProps<(typeof import('../../resources/js/pages/admin/calendars/index.tsx'))['default']>
    'admin/engine/show': ExtractProps<(typeof import('../../resources/js/pages/admin/engine/show.tsx'))['default']>
    'admin/queues/index': ExtractProps<(typeof import('../../resources/js/pages/admin/queues/index.tsx'))['default']>
    'admin/queues/show': ExtractProps<(typeof import('../../resources/js/pages/admin/queues/show.tsx'))['default']>
    'admin/sso/show': ExtractProps<(typeof import('../../resources/js/pages/admin/sso/show.tsx'))['default']>
    'admin/teams/index': ExtractProps<(typeof import('../../resources/js/pages/admin/teams/index.tsx'))['default']>
    'admin/webhooks/index': ExtractProps<(typeof import('../../resources/js/pages/admin/webhooks/index.tsx'))['default']>
    'auth/login': ExtractProps<(typeof import('../../resources/js/pages/auth/login.tsx'))['default']>
    'board/show': ExtractProps<(typeof import('../../resources/js/pages/board/show.tsx'))['default']>
    'dashboard': ExtractProps<(typeof import('../../resources/js/pages/dashboard.tsx'))['default']>
    'errors/forbidden': ExtractProps<(typeof import('../../resources/js/pages/errors/forbidden.tsx'))['default']>
    'errors/not_found': ExtractProps<(typeof import('../../resources/js/pages/errors/not_found.tsx'))['default']>
    'errors/server_error': ExtractProps<(typeof import('../../resources/js/pages/errors/server_error.tsx'))['default']>
    'migrations/create': ExtractProps<(typeof import('../../resources/js/pages/migrations/create.tsx'))['default']>
    'migrations/show': ExtractProps<(typeof import('../../resources/js/pages/migrations/show.tsx'))['default']>
    'notifications/index': ExtractProps<(typeof import('../../resources/js/pages/notifications/index.tsx'))['default']>
    'notifications/preferences': ExtractProps<(typeof import('../../resources/js/pages/notifications/preferences.tsx'))['default']>
    'processes/archived': ExtractProps<(typeof import('../../resources/js/pages/processes/archived.tsx'))['default']>
    'processes/bulk/show': ExtractProps<(typeof import('../../resources/js/pages/processes/bulk/show.tsx'))['default']>
    'processes/create': ExtractProps<(typeof import('../../resources/js/pages/processes/create.tsx'))['default']>
    'processes/index': ExtractProps<(typeof import('../../resources/js/pages/processes/index.tsx'))['default']>
    'processes/show': ExtractProps<(typeof import('../../resources/js/pages/processes/show.tsx'))['default']>
    'profile/show': ExtractProps<(typeof import('../../resources/js/pages/profile/show.tsx'))['default']>
    'queues/index': ExtractProps<(typeof import('../../resources/js/pages/queues/index.tsx'))['default']>
    'reports/index': ExtractProps<(typeof import('../../resources/js/pages/reports/index.tsx'))['default']>
    'reports/show': ExtractProps<(typeof import('../../resources/js/pages/reports/show.tsx'))['default']>
    'teams/index': ExtractProps<(typeof import('../../resources/js/pages/teams/index.tsx'))['default']>
    'users/create': ExtractProps<(typeof import('../../resources/js/pages/users/create.tsx'))['default']>
    'users/index': ExtractProps<(typeof import('../../resources/js/pages/users/index.tsx'))['default']>
    'workflows/designer': ExtractProps<(typeof import('../../resources/js/pages/workflows/designer.tsx'))['default']>
    'workflows/index': ExtractProps<(typeof import('../../resources/js/pages/workflows/index.tsx'))['default']>
    'workflows/show': ExtractProps<(typeof import('../../resources/js/pages/workflows/show.tsx'))['default']>
  }
}
